"""GraphQL for the 考核 dashboard: staffMetrics(from, to)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.assessment.models import NamedMetrics
from backend.assessment.service import metrics_for


@strawberry.type(description="某外勤人员在统计期间的办理情况")
class StaffMetricsType:
    staff: UserType
    submitted: int
    approved: int
    returned: int
    return_rate: float | None = strawberry.field(description="退回数 / (通过数 + 退回数)")
    median_hours_to_approval: float | None = strawberry.field(
        description="从走访（案件首条记录）到审核通过的小时数中位数"
    )
    flags_by_rule: JSON = strawberry.field(description="按规则代码统计的风险提示数")

    @classmethod
    def of(cls, named: NamedMetrics) -> StaffMetricsType:
        m = named.metrics
        return cls(
            staff=UserType.of(named.staff),
            submitted=m.submitted,
            approved=m.approved,
            returned=m.returned,
            return_rate=m.return_rate,
            median_hours_to_approval=m.median_hours_to_approval,
            flags_by_rule=JSON(m.flags_by_rule),
        )


@strawberry.type
class MetricsQuery:
    @strawberry.field(description="外勤人员考核指标（主管只看本组；起止日期均含）")
    async def staff_metrics(
        self,
        info: Info,
        from_: Annotated[date, strawberry.argument(name="from")],
        to: date,
    ) -> list[StaffMetricsType]:
        rows = await metrics_for(info.context.require_user(), from_, to)
        return [StaffMetricsType.of(row) for row in rows]
