"""What users read: one case in full (``case(id)``) and case lists (``cases``)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from uuid import UUID

from backend.accounts import audit
from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.cases import queries
from backend.cases.masking import ID_NUMBER_FIELDS, mask_fields
from backend.cases.models import CasePage, CaseView
from backend.cases.policy import may_see, scope_of, shows_full_identity
from backend.cases.status import CaseStatus
from backend.errors import DoorstepError, ErrorCode

DEFAULT_PAGE = 20
MAX_PAGE = 100


def parse_id(value: str, field: str = "id") -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(ErrorCode.NOT_FOUND, field=field) from None


async def case_view(user: UserRecord, case_id: UUID, device: str | None = None) -> CaseView:
    """The case with documents and history. Full ID numbers only for those who work it,
    and each such view leaves an audit entry (who, when, which device, which case)."""
    case = await queries.case_by_id(case_id)
    if case is None:
        raise DoorstepError(ErrorCode.NOT_FOUND)
    if not may_see(user, case.parties):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    full = shows_full_identity(user, case.parties)
    if full and any(case.fields.get(key) for key in ID_NUMBER_FIELDS):
        await audit.record(user, audit.VIEW_FULL_IDENTITY, device=device, case_id=case.id)
    assignees = await accounts.users_by_ids([case.assignee]) if case.assignee else []
    return CaseView(
        case=case,
        fields=case.fields if full else mask_fields(case.fields),
        assignee=assignees[0] if assignees else None,
        documents=await queries.documents_of([case.id]),
        history=await queries.history_of(case.id),
    )


def page_cursor(case_id: UUID) -> str:
    return base64.urlsafe_b64encode(case_id.bytes).decode().rstrip("=")


def _after(cursor: str | None) -> UUID | None:
    if cursor is None:
        return None
    try:
        return UUID(bytes=base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        raise DoorstepError(ErrorCode.BAD_REQUEST, "分页游标无效", field="after") from None


async def list_cases(
    user: UserRecord, status: str | None, first: int | None, after: str | None
) -> CasePage:
    if status is not None and status not in set(CaseStatus):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "案件状态无效", field="status")
    limit = min(max(first or DEFAULT_PAGE, 1), MAX_PAGE)
    rows = await queries.visible_cases(
        scope_of(user), status=status, after=_after(after), limit=limit + 1
    )
    page = rows[:limit]
    return CasePage(
        cases=[replace(case, fields=mask_fields(case.fields)) for case in page],
        end_cursor=page_cursor(page[-1].id) if page else None,
        has_next_page=len(rows) > limit,
    )


async def may_see_file(user: UserRecord, sha256: str) -> bool:
    """Whether the user may see some case with a document of this file (photos in review)."""
    case_ids = await queries.case_ids_with_file(sha256)
    cases = await queries.cases_by_ids(case_ids)
    return any(may_see(user, case.parties) for case in cases.values())
