"""What users read: one case in full (``case(id)``) and case lists (``cases``)."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from uuid import UUID

from backend.accounts import audit
from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.cases import queries
from backend.cases.masking import ID_NUMBER_FIELDS, mask_fields
from backend.cases.models import CaseFilter, CasePage, CaseView, DocumentRecord
from backend.cases.policy import may_see, scope_of, shows_full_identity
from backend.cases.status import CaseStatus
from backend.centre import CENTRE_TIMEZONE
from backend.errors import DoorstepError, ErrorCode
from backend.verification.risk import RiskLevel

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


def _filter_tag(where: CaseFilter) -> bytes:
    return hashlib.sha256(where.key().encode()).digest()[:4]


NO_FILTER = CaseFilter()


def page_cursor(case_id: UUID, where: CaseFilter = NO_FILTER) -> str:
    """Opaque: the case id and a tag of the filter it was listed under."""
    raw = case_id.bytes + _filter_tag(where)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _after(cursor: str | None, where: CaseFilter) -> UUID | None:
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        case_id = UUID(bytes=raw[:16])
    except (binascii.Error, ValueError):
        raise DoorstepError(ErrorCode.BAD_REQUEST, "分页游标无效", field="after") from None
    if raw[16:] != _filter_tag(where):
        message = "分页游标与当前筛选条件不符，请从第一页重新查询"
        raise DoorstepError(ErrorCode.BAD_REQUEST, message, field="after")
    return case_id


@dataclass(frozen=True, slots=True)
class ListRequest:
    """A case list request as the transport received it (unchecked)."""

    status: str | None = None
    risk: str | None = None
    staff_id: str | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None  # included


def _day_start(day: date) -> datetime:
    """Midnight of a calendar day of the centre (dates people pick are local days)."""
    return datetime.combine(day, time.min, CENTRE_TIMEZONE)


def case_filter(request: ListRequest) -> CaseFilter:
    """Checks a list request; each bad value gets its own Chinese message and field."""
    if request.status is not None and request.status not in set(CaseStatus):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "案件状态无效", field="status")
    if request.risk is not None and request.risk not in set(RiskLevel):
        message = "风险等级无效（可选：none、warning、error）"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="risk")
    staff_id = None
    if request.staff_id is not None:
        try:
            staff_id = UUID(request.staff_id)
        except ValueError:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, "人员编号无效", field="staffId"
            ) from None
    first, last = request.submitted_from, request.submitted_to
    if first is not None and last is not None and last < first:
        message = "提交日期范围无效：结束日期早于开始日期"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="submittedTo")
    return CaseFilter(
        status=request.status,
        risk=request.risk,
        staff_id=staff_id,
        submitted_from=_day_start(first) if first is not None else None,
        submitted_before=_day_start(last + timedelta(days=1)) if last is not None else None,
    )


async def list_cases(
    user: UserRecord, request: ListRequest, first: int | None, after: str | None
) -> CasePage:
    """A page of the cases the user sees, narrowed by the request (the review queue)."""
    where = case_filter(request)
    limit = min(max(first or DEFAULT_PAGE, 1), MAX_PAGE)
    rows = await queries.visible_cases(
        scope_of(user), where=where, after=_after(after, where), limit=limit + 1
    )
    page = rows[:limit]
    cursors = [page_cursor(case.id, where) for case in page]
    assignee_ids = list({case.assignee for case in page if case.assignee is not None})
    return CasePage(
        cases=[replace(case, fields=mask_fields(case.fields)) for case in page],
        end_cursor=cursors[-1] if cursors else None,
        has_next_page=len(rows) > limit,
        cursors=cursors,
        risks=await queries.risk_levels([case.id for case in page]),
        assignees={user.id: user for user in await accounts.users_by_ids(assignee_ids)},
    )


async def documents_for(user: UserRecord, case_id: UUID) -> list[DocumentRecord]:
    """The case's documents for whoever may see the case. No fields of the case are shown,
    so unlike :func:`case_view` this leaves no audit entry."""
    case = await queries.case_by_id(case_id)
    if case is None:
        raise DoorstepError(ErrorCode.NOT_FOUND)
    if not may_see(user, case.parties):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    return await queries.documents_of([case.id])


async def may_see_file(user: UserRecord, sha256: str) -> bool:
    """Whether the user may see some case with a document of this file (photos in review)."""
    case_ids = await queries.case_ids_with_file(sha256)
    cases = await queries.cases_by_ids(case_ids)
    return any(may_see(user, case.parties) for case in cases.values())
