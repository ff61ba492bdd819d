"""GET /exports/feedback-report.xlsx?month=YYYY-MM: the monthly feedback report as a workbook.

Same Bearer access token and guard as the 考核 export: supervisors and admins only.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from litestar import Request, Response, get

from backend.cases.exports_http import XLSX, reviewers_only
from backend.consultation import feedback_service
from backend.consultation.report import to_xlsx


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
