"""GraphQL of the monthly 考核 (spec section 6): assessment, setAssessmentScheme,
scoreStaff; plus the scheme's history, the manual scores and management units."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from backend.accounts import queries as accounts
from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.assessment import drilldown, monthly, units
from backend.assessment.peaks import Slot
from backend.assessment.queries import SchemeVersion
from backend.errors import DoorstepError, ErrorCode


def _id(value: str, field: str) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "编号格式无效", field=field) from None


@strawberry.type
class SchemeType:
    version: int
    effective_from: date | None = strawberry.field(description="生效日期（内置默认方案为空）")
    scheme: JSON
    changed_by: str | None
    changed_at: datetime | None


async def _scheme(version: SchemeVersion) -> SchemeType:
    by = await accounts.user_by_id(version.changed_by) if version.changed_by else None
    return SchemeType(
        version=version.version, effective_from=version.effective_from,
        scheme=JSON(version.scheme), changed_by=by.username if by else None,
        changed_at=version.changed_at,
    )


@strawberry.type
class AssessmentItem:
    key: str
    label: str
    value: float | None
    points: float | None = strawberry.field(description="本项得分（百分制），无数据为空")
    weight: float


@strawberry.type
class AssessmentRow:
    user: UserType
    employer: str | None
    unit_id: strawberry.ID | None
    contract_end: date | None
    total: float | None
    items: list[AssessmentItem]


@strawberry.type
class Assessment:
    month: str
    scheme: SchemeType
    rows: list[AssessmentRow]


@strawberry.type
class ManualScoreType:
    user_id: strawberry.ID
    month: str
    key: str
    points: float
    reason: str
    scored_by: str
    scored_at: datetime


@strawberry.type
class ManagementUnitType:
    id: strawberry.ID
    name: str


@strawberry.type
class AssessmentQuery:
    @strawberry.field(description="月度考核表（主管：本组；管理员：全部，可按管理部；员工：本人）")
    async def assessment(
        self, info: Info, month: str, unit_id: strawberry.ID | None = None,
        scheme_version: int | None = None,
    ) -> Assessment:
        table = await monthly.assessment(
            info.context.require_user(), month,
            _id(unit_id, "unitId") if unit_id is not None else None, scheme_version,
        )
        rows = [
            AssessmentRow(
                user=UserType.of(r.user),
                employer=r.employment.employer if r.employment else None,
                unit_id=strawberry.ID(str(r.employment.unit_id))
                if r.employment and r.employment.unit_id else None,
                contract_end=r.employment.contract_end if r.employment else None,
                total=r.row.total,
                items=[AssessmentItem(key=i.key, label=i.label, value=i.value, points=i.points,
                                      weight=i.weight) for i in r.row.items],
            )
            for r in table.rows
        ]
        return Assessment(month=month, scheme=await _scheme(table.scheme), rows=rows)

    @strawberry.field(description="考核方案的全部版本（谁在何时修改）")
    async def assessment_schemes(self, info: Info) -> list[SchemeType]:
        info.context.require_user()
        return [await _scheme(v) for v in await monthly.scheme_history()]

    @strawberry.field(description="某月的手工打分记录（含理由与打分人）")
    async def manual_scores(self, info: Info, month: str) -> list[ManualScoreType]:
        found = await monthly.score_history(info.context.require_user(), month)
        scorers = await accounts.users_by_ids([s.scored_by for s in found])
        names = {u.id: u.username for u in scorers}
        return [
            ManualScoreType(
                user_id=strawberry.ID(str(s.user_id)), month=s.month, key=s.key, points=s.points,
                reason=s.reason, scored_by=names.get(s.scored_by, ""), scored_at=s.scored_at,
            )
            for s in found
        ]

    @strawberry.field(description="管理部列表")
    async def management_units(self, info: Info) -> list[ManagementUnitType]:
        found = await units.list_units(info.context.require_user())
        return [ManagementUnitType(id=strawberry.ID(str(i)), name=n) for i, n in found]


@strawberry.type
class WorkEntryType:
    case_id: strawberry.ID
    action: str = strawberry.field(description="submit | return | approve")
    at: datetime
    reason: str | None


@strawberry.type
class PeakSlot:
    slot: int = strawberry.field(description="小时（0–23）或日期（1–31）")
    submitted: int
    returned: int
    return_rate: float | None


@strawberry.type
class ReturnPeaks:
    by_hour: list[PeakSlot]
    by_day: list[PeakSlot]


@strawberry.type
class DrillDownQuery:
    @strawberry.field(description="考核数字背后的案件：某人某月的提交、退回与通过")
    async def assessment_cases(
        self, info: Info, month: str, user_id: strawberry.ID
    ) -> list[WorkEntryType]:
        found = await drilldown.work_behind(
            info.context.require_user(), month, _id(user_id, "userId")
        )
        return [WorkEntryType(case_id=strawberry.ID(str(e.case_id)), action=e.action, at=e.at,
                              reason=e.reason) for e in found]

    @strawberry.field(description="高峰时段：按小时与按日期的提交数、退回数与退回率（中心时间）")
    async def return_peaks(
        self, info: Info, from_: Annotated[date, strawberry.argument(name="from")], to: date
    ) -> ReturnPeaks:
        hours, days = await drilldown.return_peaks(info.context.require_user(), from_, to)

        def shaped(slots: list[Slot]) -> list[PeakSlot]:
            return [PeakSlot(slot=s.slot, submitted=s.submitted, returned=s.returned,
                             return_rate=s.return_rate) for s in slots]

        return ReturnPeaks(by_hour=shaped(hours), by_day=shaped(days))


@strawberry.type
class ScoreResult:
    key: str
    points: float


@strawberry.type
class AssessmentMutation:
    @strawberry.mutation(description="发布新版考核方案（自生效日期起适用，旧版保留）")
    async def set_assessment_scheme(
        self, info: Info, scheme: JSON, effective_from: date
    ) -> SchemeType:
        version = await monthly.set_scheme(info.context.require_user(), scheme, effective_from)
        return await _scheme(version)

    @strawberry.mutation(description="主管为手工考核项打分（须填写理由，留痕）")
    async def score_staff(
        self, info: Info, user_id: strawberry.ID, month: str, key: str, points: float,
        reason: str,
    ) -> ScoreResult:
        score = await monthly.score_staff(
            info.context.require_user(), _id(user_id, "userId"), month, key, points, reason
        )
        return ScoreResult(key=score.key, points=score.points)

    @strawberry.mutation(description="新增管理部")
    async def create_management_unit(self, info: Info, name: str) -> ManagementUnitType:
        unit_id, unit_name = await units.create_unit(info.context.require_user(), name)
        return ManagementUnitType(id=strawberry.ID(str(unit_id)), name=unit_name)

    @strawberry.mutation(description="设置员工的管理部、用人单位（中心或受托银行）与合同到期日")
    async def set_staff_employment(
        self, info: Info, user_id: strawberry.ID, unit_id: strawberry.ID | None = None,
        employer: str = "中心", contract_end: date | None = None,
    ) -> bool:
        await units.set_employment(
            info.context.require_user(), _id(user_id, "userId"),
            _id(unit_id, "unitId") if unit_id is not None else None, employer, contract_end,
        )
        return True
