"""GET /exports/assessment.xlsx?month=YYYY-MM[&unitId=…]: the monthly 考核 table as the
caller may see it (staff: their own row; supervisors: their team; admins: everyone)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import anyio.to_thread
from litestar import Request, Response, get

from backend.accounts.http_guards import XLSX, attachment, roles_only
from backend.accounts.models import UserRecord
from backend.assessment.monthly import assessment
from backend.assessment.monthly_export import month_xlsx
from backend.errors import DoorstepError, ErrorCode
from backend.graphql.access import STAFF

staff_only = roles_only(STAFF)


@get("/exports/assessment.xlsx", guards=[staff_only])
async def assessment_xlsx(request: Request[Any, Any, Any]) -> Response[bytes]:
    month = request.query_params.get("month") or ""
    raw_unit = request.query_params.get("unitId")
    try:
        unit = UUID(raw_unit) if raw_unit else None
    except ValueError:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "编号格式无效", field="unitId") from None
    user: UserRecord = request.state.user
    table = await assessment(user, month, unit)
    content = await anyio.to_thread.run_sync(month_xlsx, table, month)
    return attachment(content, XLSX, f"assessment-{month}.xlsx")
