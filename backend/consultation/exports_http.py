"""GET /exports/feedback-report.xlsx?month=YYYY-MM: the monthly feedback report as a workbook.

Same Bearer access token as GraphQL; supervisors and admins only (a coded 401/403 else).
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from litestar import Request, Response, get

from backend.accounts.http_guards import XLSX, attachment, roles_only
from backend.consultation import feedback_service
from backend.consultation.report import to_xlsx
from backend.graphql.access import REVIEWERS

reviewers_only = roles_only(REVIEWERS, "只有主管和管理员可以导出反馈月度报告。")


@get("/exports/feedback-report.xlsx", guards=[reviewers_only])
async def feedback_report_xlsx(request: Request[Any, Any, Any]) -> Response[bytes]:
    month = request.query_params.get("month") or ""
    report = await feedback_service.report(month)
    content = await anyio.to_thread.run_sync(to_xlsx, report)  # CPU work
    return attachment(content, XLSX, f"feedback-report-{report.month}.xlsx")
