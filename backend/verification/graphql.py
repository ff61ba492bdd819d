"""GraphQL of the verification domain: read the policy in force, add a policy value."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.verification import service
from backend.verification.policy import PolicyEntry
from backend.verification.policy_keys import KEY_SPECS


@strawberry.type(name="PolicyValue", description="策略表中的一项：值、生效日期和依据")
class PolicyValueType:
    key: str
    value: JSON | None
    effective_from: date | None = strawberry.field(description="null: 策略表无记录，使用内置默认值")
    source: str
    created_by: str | None
    created_at: datetime | None
    description: str

    @classmethod
    def of(cls, entry: PolicyEntry) -> PolicyValueType:
        return cls(
            key=entry.key,
            value=JSON(entry.value),
            effective_from=entry.effective_from,
            source=entry.source,
            created_by=entry.created_by,
            created_at=entry.created_at,
            description=KEY_SPECS[entry.key].description,
        )


@strawberry.type(name="Policy", description="某日生效的全部策略")
class PolicyType:
    on: date
    values: list[PolicyValueType]


@strawberry.type
class VerificationQuery:
    @strawberry.field(description="某日（默认今天）生效的策略；案件按提交日的策略核查")
    async def policy(self, info: Info, on: date | None = None) -> PolicyType:
        info.context.require_user()
        day = on or service.today()
        policy = await service.policy_in_force(day)
        return PolicyType(on=day, values=[PolicyValueType.of(e) for e in policy.entries])

    @strawberry.field(description="某策略项的全部记录（含已被取代的），按写入顺序")
    async def policy_history(self, info: Info, key: str) -> list[PolicyValueType]:
        info.context.require_user()
        return [PolicyValueType.of(e) for e in await service.policy_history(key)]


@strawberry.type
class VerificationMutation:
    @strawberry.mutation(description="新增一条策略值，自生效日期起取代旧值（旧值保留，不修改）")
    async def set_policy_value(
        # A nullable argument left out is not passed at all: default it to null, which
        # parse_value accepts or refuses per key (null lifts a cap); the rest keyword-only.
        self, info: Info, key: str, value: JSON | None = None, *, effective_from: date,
        source: str,
    ) -> PolicyValueType:
        entry = await service.set_policy_value(
            info.context.require_user(), key, value, effective_from, source
        )
        return PolicyValueType.of(entry)
