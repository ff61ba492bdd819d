"""Use cases of feedback: filed by staff during a visit (offline, synced), by members and
employers on the public page or after a case; routed to the owning department's queue,
answered there, and shown to whoever filed it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.service import load_case
from backend.cases.status import CaseKind
from backend.consultation import departments
from backend.consultation import feedback_queries as queries
from backend.consultation.departments import OVERSEERS
from backend.consultation.limits import count_lookup, count_submission
from backend.consultation.models import (
    Channel,
    Department,
    FeedbackCategory,
    FeedbackDraft,
    FeedbackRecord,
    FeedbackStatus,
    Page,
    Routing,
)
from backend.consultation.report import MonthlyReport, month_bounds, monthly_report
from backend.consultation.routing import DEFAULT_ROUTING, department_for, parse_routes
from backend.consultation.text_rules import FEEDBACK_LIMIT, plain_text
from backend.consultation.text_rules import contact as parse_contact
from backend.consultation.tickets import new_ticket, ticket_hash
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge.models import Category
from backend.notifications.cursor import decode_cursor, encode_cursor
from backend.notifications.service import notify
from backend.settings import Settings
from sync.changelog import changes as sync_changes

PROCESS_OF_CASE = {
    CaseKind.WITHDRAWAL: str(Category.WITHDRAWAL),
    CaseKind.UNIT_REGISTRATION: str(Category.DEPOSIT),
}
PAGE_DEFAULT = 30
PAGE_MAX = 100


def _now() -> datetime:
    return datetime.now(UTC)


def _invalid(message: str, field: str) -> DoorstepError:
    return DoorstepError(ErrorCode.VALIDATION_FAILED, message, field=field)


def draft(
    category: str,
    text: str,
    channel: str | None,
    case_id: UUID | None,
    contact: str | None,
    process: str | None,
    default_channel: Channel,
) -> FeedbackDraft:
    """The submitted feedback checked (pure): known category, channel and process, plain text."""
    try:
        kind = FeedbackCategory(category)
    except ValueError:
        raise _invalid("请选择反馈类别。", "category") from None
    try:
        via = Channel(channel) if channel else default_channel
    except ValueError:
        raise _invalid("渠道应为网上、热线、窗口或上门。", "channel") from None
    if process and process not in {str(c) for c in Category}:
        raise _invalid("业务流程应为缴存、提取、贷款、转移或其他。", "process")
    body = plain_text(text, field="text", limit=FEEDBACK_LIMIT, label="反馈内容")
    return FeedbackDraft(kind, body, via, case_id, parse_contact(contact), process or "")


async def routing() -> Routing:
    return await queries.current_routing() or DEFAULT_ROUTING


async def _process(item: FeedbackDraft) -> str:
    if item.process or item.case_id is None:
        return item.process
    try:
        case = await load_case(item.case_id)
    except DoorstepError:
        raise _invalid("找不到该案件。", "caseId") from None
    return PROCESS_OF_CASE.get(case.kind, "")


async def _file(
    item: FeedbackDraft, filer: UUID | None, feedback_id: UUID | None, with_ticket: bool
) -> tuple[FeedbackRecord, str | None]:
    process = await _process(item)
    now = _now()
    async with sync_changes.write_transaction():
        if feedback_id is not None and await queries.exists(feedback_id):
            raise DoorstepError(ErrorCode.CONFLICT, "该反馈已存在。", field="id")
        current = await routing()
        record = FeedbackRecord(
            id=feedback_id or uuid.uuid4(),
            category=item.category,
            process=process,
            text=item.text,
            channel=item.channel,
            case_id=item.case_id,
            contact=item.contact,
            department=department_for(current, item.category),
            routing_version=current.version,
            status=FeedbackStatus.OPEN,
            response="",
            responded_at=None,
            assignee_id=None,
            filed_by=filer,
            created_at=now,
        )
        ticket = new_ticket() if with_ticket else None
        await queries.insert(record, ticket_hash(ticket) if ticket else None)
        await queries.add_event(
            record.id, now, filer, "filed", str(record.status), str(record.department)
        )
    return record, ticket


async def submit_public(
    category: str,
    text: str,
    channel: str | None,
    case_id: UUID | None,
    contact: str | None,
    process: str | None,
    address: str,
    settings: Settings,
) -> tuple[FeedbackRecord, str | None]:
    """A member or employer without an account: counted against the address and phone
    limits before anything else, answered on a ticket page."""
    await count_submission("feedback.submit", address, contact, settings)
    item = draft(category, text, channel, case_id, contact, process, Channel.ONLINE)
    return await _file(item, None, None, with_ticket=True)


async def submit(
    actor: UserRecord, item: FeedbackDraft, feedback_id: UUID | None = None
) -> FeedbackRecord:
    """Filed by a signed-in user (staff during a visit, an employer after a case): the
    response reaches them in their inbox. ``feedback_id``: the device's id (sync)."""
    record, _ = await _file(item, actor.id, feedback_id, with_ticket=False)
    return record


async def by_ticket(ticket: str, address: str) -> FeedbackRecord:
    await count_lookup("feedback.ticket", address)
    digest = ticket_hash(ticket.strip())
    record = await queries.by_ticket(digest) if digest else None
    if record is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该反馈，请检查链接是否完整。")
    return record


async def listing(
    actor: UserRecord,
    status: str | None,
    department: str | None,
    first: int | None,
    after: str | None,
) -> Page[FeedbackRecord]:
    """Every department queue for supervisors and admins; a department's members its queue
    (without ``department``: their departments' items and what they filed); everyone else
    what they filed. Another department's queue is ``FORBIDDEN``."""
    if status and status not in {str(s) for s in FeedbackStatus}:
        raise _invalid("状态应为 open、in_progress 或 resolved。", "status")
    if department and department not in {str(d) for d in Department}:
        raise _invalid("未知的科室。", "department")
    limit = PAGE_DEFAULT if first is None else max(1, min(first, PAGE_MAX))
    before = decode_cursor(after) if after else None
    if actor.role in OVERSEERS:
        rows = await queries.page(status, department, None, before, limit + 1)
    else:
        mine = await departments.departments_of(actor)
        if department and department not in mine:
            raise DoorstepError(ErrorCode.FORBIDDEN, "只能查看本科室的反馈。", field="department")
        if department:
            rows = await queries.page(status, department, None, before, limit + 1)
        else:
            rows = await queries.page(status, None, actor.id, before, limit + 1, mine)
    items = rows[:limit]
    end = encode_cursor(items[-1].created_at, items[-1].id) if items else None
    return Page(items=items, end_cursor=end, has_next_page=len(rows) > limit)


async def respond(actor: UserRecord, feedback_id: UUID, raw: str, status: str) -> FeedbackRecord:
    """The department answers and sets the status; the filer sees it (inbox or ticket page).
    Members of the owning department answer, and supervisors and admins."""
    try:
        new_status = FeedbackStatus(status)
    except ValueError:
        raise _invalid("状态应为 open、in_progress 或 resolved。", "status") from None
    response = plain_text(raw, field="response", limit=FEEDBACK_LIMIT, label="答复")
    now = _now()
    async with sync_changes.write_transaction():
        record = await queries.by_id(feedback_id)
        if record is None:
            raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该反馈。")
        if actor.role not in OVERSEERS and record.department not in (
            await departments.departments_of(actor)
        ):
            raise DoorstepError(ErrorCode.FORBIDDEN, "只能答复本科室的反馈。")
        await queries.respond(feedback_id, response, new_status, actor.id, now)
        await queries.add_event(feedback_id, now, actor.id, "responded", str(new_status), response)
        if record.filed_by is not None and record.filed_by != actor.id:
            await notify([record.filed_by], "feedback_answered", "您提交的反馈已有答复", response)
    updated = await queries.by_id(feedback_id)
    assert updated is not None
    return updated


async def set_routing(actor: UserRecord, routes: dict[str, str], note: str) -> Routing:
    """A new routing version (admins only); earlier versions stay readable (audit)."""
    if actor.role is not Role.ADMIN:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    parsed = parse_routes(routes)
    clean_note = plain_text(note, field="note", limit=200, label="说明", required=False)
    async with sync_changes.write_transaction():
        current = await routing()
        new = Routing(current.version + 1, parsed, actor.id, _now(), clean_note)
        await queries.insert_routing(new)
    return new


async def routing_history() -> list[Routing]:
    return [*await queries.routing_history(), DEFAULT_ROUTING]


async def report(month: str) -> MonthlyReport:
    before, first, following = month_bounds(month)
    items = await queries.filed_between(
        datetime(before.year, before.month, 1, tzinfo=UTC),
        datetime(first.year, first.month, 1, tzinfo=UTC),
        datetime(following.year, following.month, 1, tzinfo=UTC),
    )
    return monthly_report(month, items)
