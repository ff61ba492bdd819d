"""GET /exports/feedback-report.xlsx?month=YYYY-MM: the monthly feedback report as a workbook.

Same Bearer access token as GraphQL; supervisors and admins only (a coded 401/403 else).
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from litestar import Request, Response, get
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from backend.accounts.service import user_for_token
from backend.consultation import feedback_service
from backend.consultation.report import to_xlsx
from backend.errors import DoorstepError, ErrorCode
from backend.graphql.access import REVIEWERS
from backend.settings import get_settings

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def reviewers_only(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    scheme, _sep, token = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise DoorstepError(ErrorCode.UNAUTHENTICATED)
    user = await user_for_token(token.strip(), get_settings())
    if user.role not in REVIEWERS:
        raise DoorstepError(ErrorCode.FORBIDDEN, "只有主管和管理员可以导出反馈月度报告。")


@get("/exports/feedback-report.xlsx", guards=[reviewers_only])
async def feedback_report_xlsx(request: Request[Any, Any, Any]) -> Response[bytes]:
    month = request.query_params.get("month") or ""
    report = await feedback_service.report(month)
    content = await anyio.to_thread.run_sync(to_xlsx, report)  # CPU work
    return Response(
        content,
        media_type=XLSX,
        headers={
            "Content-Disposition": f'attachment; filename="feedback-report-{report.month}.xlsx"',
            "Cache-Control": "private, no-store",
        },
    )
