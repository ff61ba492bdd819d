"""GET /exports/staff-metrics.csv and .xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD: the 考核 table.

Same Bearer access token as GraphQL and /files; the guard lets supervisors (their team's
numbers, as ``staffMetrics``) and admins through, everyone else gets a coded 403.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import anyio.to_thread
from litestar import Request, Response, get

from backend.accounts.http_guards import XLSX, attachment, roles_only
from backend.accounts.models import UserRecord
from backend.assessment.exports import metrics_table, to_csv, to_xlsx
from backend.assessment.service import metrics_for
from backend.errors import DoorstepError, ErrorCode
from backend.graphql.access import REVIEWERS

reviewers_only = roles_only(REVIEWERS, "只有主管和管理员可以导出考核指标。")


def _day(value: str | None, field: str) -> date:
    if not value:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "请选择统计期间的起止日期", field=field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = "日期格式应为 YYYY-MM-DD"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field=field) from None


def _period(request: Request[Any, Any, Any]) -> tuple[date, date]:
    params = request.query_params
    return _day(params.get("from"), "from"), _day(params.get("to"), "to")


@get("/exports/staff-metrics.csv", guards=[reviewers_only])
async def staff_metrics_csv(request: Request[Any, Any, Any]) -> Response[bytes]:
    first, last = _period(request)
    user: UserRecord = request.state.user
    table = metrics_table(await metrics_for(user, first, last))
    name = f"staff-metrics-{first}-{last}.csv"
    return attachment(to_csv(table), "text/csv; charset=utf-8", name)


@get("/exports/staff-metrics.xlsx", guards=[reviewers_only])
async def staff_metrics_xlsx(request: Request[Any, Any, Any]) -> Response[bytes]:
    first, last = _period(request)
    user: UserRecord = request.state.user
    table = metrics_table(await metrics_for(user, first, last))
    content = await anyio.to_thread.run_sync(to_xlsx, table, first, last)  # CPU work
    return attachment(content, XLSX, f"staff-metrics-{first}-{last}.xlsx")
