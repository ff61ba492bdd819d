"""GraphQL of shared-data verification (spec section 9) and the sources' health (admins)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.cases.reads import parse_id
from backend.registry import service
from backend.registry.models import QueryRecord
from backend.registry.sources import Source


@strawberry.enum(name="SharedSource", description="共享数据来源：不动产、婚姻、商品房备案、征信")
class SharedSource(Enum):
    REAL_ESTATE = "REAL_ESTATE"
    MARRIAGE = "MARRIAGE"
    HOUSING_FILING = "HOUSING_FILING"
    CREDIT = "CREDIT"


@strawberry.type(name="SharedDataActor", description="发起查询的人（自动核验为 system）")
class ActorType:
    username: str


@strawberry.type(name="SharedDataQuery", description="一次共享数据查询（审计记录，不含结果）")
class QueryType:
    id: strawberry.ID
    case_id: strawberry.ID
    source: SharedSource
    purpose: str
    actor: ActorType
    at: datetime
    status: str = strawberry.field(description="done | pending | failed")
    trigger: str = strawberry.field(description="manual | automatic")
    result_hash: str = strawberry.field(description="结果的 SHA-256（结果本身按保存期限删除）")
    finished_at: datetime | None
    last_error: str

    @classmethod
    def of(cls, query: QueryRecord) -> QueryType:
        return cls(
            id=strawberry.ID(str(query.id)), case_id=strawberry.ID(str(query.case_id)),
            source=SharedSource[str(query.source)], purpose=query.purpose,
            actor=ActorType(username=query.actor_name), at=query.at, status=query.status,
            trigger=query.trigger, result_hash=query.result_sha256,
            finished_at=query.finished_at, last_error=query.last_error,
        )


@strawberry.type(name="SharedDataOutcome", description="查询结果及与材料的比对")
class OutcomeType:
    id: strawberry.ID
    status: str
    result: JSON | None
    evidence: JSON = strawberry.field(description="比对发现的问题（代码、双方的值和来源）")
    query: QueryType


@strawberry.type(name="RegistrySourceHealth", description="共享数据接口的状态（近 15 分钟）")
class HealthType:
    source: SharedSource
    label: str
    configured: bool
    status: str = strawberry.field(description="up | degraded | down | unknown")
    breaker: str = strawberry.field(description="closed | open | half_open")
    retry_at: datetime | None
    calls: int
    error_rate: float
    p50_ms: int | None
    p95_ms: int | None
    last_ok_at: datetime | None
    last_error: str | None


@strawberry.type
class RegistryQuery:
    @strawberry.field(description="共享数据查询记录：某案件的全部查询，或本人发起的（管理员：全部）")
    async def shared_data_queries(
        self, info: Info, case_id: strawberry.ID | None = None, first: int = 50
    ) -> list[QueryType]:
        user = info.context.require_user()
        case = parse_id(case_id, "caseId") if case_id is not None else None
        return [QueryType.of(q) for q in await service.list_queries(user, case, first)]

    @strawberry.field(description="各共享数据接口的健康状况、延迟、错误率和熔断状态")
    async def registry_health(self, info: Info) -> list[HealthType]:
        info.context.require_user()
        return [
            HealthType(
                source=SharedSource[str(row.source)], label=row.source.label,
                configured=row.configured, status=row.health.status, breaker=row.breaker,
                retry_at=row.retry_at, calls=row.health.calls, error_rate=row.health.error_rate,
                p50_ms=row.health.p50_ms, p95_ms=row.health.p95_ms,
                last_ok_at=row.health.last_ok_at, last_error=row.health.last_error,
            )
            for row in await service.sources_health()
        ]


@strawberry.type
class RegistryMutation:
    @strawberry.mutation(description="为案件查询一项共享数据（须写明用途；征信须申请人签字授权）")
    async def query_shared_data(
        self, info: Info, case_id: strawberry.ID, source: SharedSource, purpose: str
    ) -> OutcomeType:
        user = info.context.require_user()
        done = await service.query_shared_data(
            user, parse_id(case_id, "caseId"), Source(source.value), purpose
        )
        return OutcomeType(
            id=strawberry.ID(str(done.query.id)), status=done.query.status,
            result=JSON(done.result) if done.result is not None else None,
            evidence=JSON(done.flags), query=QueryType.of(done.query),
        )
