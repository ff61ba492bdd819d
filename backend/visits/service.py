"""Use cases of requests and dispatch: ask for a visit, schedule it, list, follow a ticket."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, date, datetime
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.notifications.kinds import NotificationKind
from backend.notifications.service import notify
from backend.throttling.rules import Limit
from backend.throttling.service import count_request
from backend.visits import queries
from backend.visits.assign import Candidate, ranked
from backend.visits.changes import visit_changes
from backend.visits.metrics import StaffVisitMetrics, median_days_to_visit, staff_metrics
from backend.visits.models import VisitRecord, VisitRequest
from backend.visits.policy import may_dispatch, may_see
from backend.visits.rules import (
    SLOTS,
    VisitStatus,
    check_capacity,
    clean_kind,
    clean_phone,
    clean_slot,
    clean_text,
    day_order_key,
    not_in_past,
)
from sync.changelog import changes

REQUEST_LIMITS = {"address": Limit(hits=10, seconds=3600), "phone": Limit(hits=3, seconds=86400)}
KIND_LABELS = {"withdrawal": "提取上门", "unit_registration": "单位缴存登记上门"}


def now() -> datetime:
    return datetime.now(UTC)


def clean_request(raw: VisitRequest) -> VisitRequest:
    return VisitRequest(
        kind=clean_kind(raw.kind),
        name=clean_text("name", raw.name, required=True, label="姓名或单位名称"),
        phone=clean_phone(raw.phone),
        address=clean_text("address", raw.address, required=True, label="上门地址"),
        preferred_date=raw.preferred_date,
        note=clean_text("note", raw.note, required=False, label="备注"),
    )


async def request_visit(
    raw: VisitRequest,
    caller_address: str,
    entered_by: UserRecord | None = None,
    channel: str = "public",
) -> VisitRecord:
    """A public request (rate-limited per address and phone) or one staff enter for a caller."""
    if entered_by is None:
        phone = "".join(ch for ch in raw.phone or "" if ch.isdigit())
        await count_request(
            "request_visit", {"address": caller_address, "phone": phone or None}, REQUEST_LIMITS
        )
    request = clean_request(raw)
    not_in_past("preferredDate", request.preferred_date)
    at = now()
    visit = VisitRecord(
        id=uuid.uuid4(),
        ticket=secrets.token_urlsafe(18),
        kind=request.kind,
        channel=channel,
        name=request.name,
        phone=request.phone,
        address=request.address,
        note=request.note,
        preferred_date=request.preferred_date,
        status=str(VisitStatus.REQUESTED),
        assignee=None,
        team_id=entered_by.team_id if entered_by else None,
        scheduled_for=None,
        slot=None,
        case_id=None,
        company_id=None,
        outcome=None,
        outcome_note="",
        outcome_at=None,
        outcome_location=None,
        entered_by=entered_by.id if entered_by else None,
        created_at=at,
        updated_at=at,
        version=1,
    )
    async with changes.write_transaction():
        await queries.insert_visit(visit)
        await changes.record(visit_changes(None, visit), at)
    return visit


async def load_visit(visit_id: UUID) -> VisitRecord:
    visit = await queries.visit_by_id(visit_id)
    if visit is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该上门预约", field="id")
    return visit


async def dispatchable_staff(actor: UserRecord, staff_id: UUID) -> UserRecord:
    staff = await accounts.user_by_id(staff_id)
    if staff is None or not staff.active or staff.role != Role.FIELD_STAFF:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "只能安排给在岗的外勤人员", field="staffId"
        )
    if actor.role != Role.ADMIN and staff.team_id != actor.team_id:
        raise DoorstepError(ErrorCode.FORBIDDEN, "只能安排给本组人员", field="staffId")
    return staff


async def schedule_visit(
    actor: UserRecord, visit_id: UUID, staff_id: UUID, day: date, slot: str | None
) -> VisitRecord:
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    chosen_slot = clean_slot(slot)
    not_in_past("date", day)
    staff = await dispatchable_staff(actor, staff_id)
    async with changes.write_transaction():
        visit = await load_visit(visit_id)
        if not may_see(actor, visit):
            raise DoorstepError(ErrorCode.FORBIDDEN)
        if visit.status not in (VisitStatus.REQUESTED, VisitStatus.SCHEDULED):
            raise DoorstepError(ErrorCode.INVALID_STATE, "该上门已结束，不能再安排", field="id")
        others = [v for v in await queries.open_visits_on(day, [staff.id]) if v.id != visit.id]
        check_capacity(chosen_slot, sum(1 for v in others if v.slot == chosen_slot), len(others))
        at = now()
        updated = visit.next(
            at,
            status=str(VisitStatus.SCHEDULED),
            assignee=staff.id,
            team_id=staff.team_id,
            scheduled_for=day,
            slot=chosen_slot,
        )
        await queries.save_visit(updated)
        await changes.record(visit_changes(visit, updated), at)
        when = f"{day.isoformat()} {SLOTS[chosen_slot][:2] if chosen_slot else ''}".strip()
        await notify(
            [staff.id],
            str(NotificationKind.VISIT_ASSIGNED),
            "新的上门任务",
            f"{when}：{KIND_LABELS[visit.kind]}，{visit.address}",
        )
    return updated


async def list_visits(
    actor: UserRecord,
    day: date | None,
    staff_id: UUID | None,
    status: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[VisitRecord]:
    """Field staff: their own; supervisors: their team's and unassigned requests; admins: all.
    Ordered like a day plan: date, morning before afternoon, then request time."""
    if actor.role == Role.FIELD_STAFF:
        if staff_id is not None and staff_id != actor.id:
            raise DoorstepError(ErrorCode.FORBIDDEN)
        staff_id = actor.id
    elif actor.role == Role.EMPLOYER:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    between = (date_from, date_to or date_from) if date_from else None
    rows = await queries.list_visits(
        on=day,
        between=between,
        assignee=staff_id,
        status=status,
        team_id=actor.team_id if actor.role == Role.SUPERVISOR else None,
    )
    visible = [v for v in rows if may_see(actor, v)]
    return sorted(
        visible,
        key=lambda v: (v.scheduled_for or date.max, *day_order_key(v.slot, v.created_at)),
    )


async def visit_by_ticket(ticket: str) -> VisitRecord:
    visit = await queries.visit_by_ticket(ticket.strip()) if ticket.strip() else None
    if visit is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该预约，请核对链接", field="ticket")
    return visit


async def suggested_assignees(
    actor: UserRecord, visit_id: UUID, day: date
) -> list[tuple[UserRecord, int]]:
    """The team's field staff, best first (nearest area, fewest visits that day)."""
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    visit = await load_visit(visit_id)
    if not may_see(actor, visit):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if actor.team_id is not None:
        members = await accounts.team_members(actor.team_id)
    else:
        members = await accounts.users_with_role(Role.FIELD_STAFF)
    staff = {m.id: m for m in members if m.role == Role.FIELD_STAFF and m.active}
    areas = await queries.areas_of(list(staff))
    counts: dict[UUID, int] = {}
    for v in await queries.open_visits_on(day, list(staff)):
        if v.assignee is not None and v.id != visit.id:
            counts[v.assignee] = counts.get(v.assignee, 0) + 1
    candidates = [Candidate(s.id, s.username, areas.get(s.id, ())) for s in staff.values()]
    return [
        (staff[c.user_id], counts.get(c.user_id, 0))
        for c in ranked(visit.address, candidates, counts)
    ]


async def team_staff(actor: UserRecord, day: date) -> list[tuple[UserRecord, tuple[str, ...], int]]:
    """The field staff a dispatcher may plan for, with their areas and open visits that day."""
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if actor.team_id is not None:
        members = await accounts.team_members(actor.team_id)
    else:
        members = await accounts.users_with_role(Role.FIELD_STAFF)
    staff = sorted((m for m in members if m.role == Role.FIELD_STAFF), key=lambda m: m.username)
    areas = await queries.areas_of([s.id for s in staff])
    counts: dict[UUID, int] = {}
    for v in await queries.open_visits_on(day, [s.id for s in staff]):
        if v.assignee is not None:
            counts[v.assignee] = counts.get(v.assignee, 0) + 1
    return [(s, areas.get(s.id, ()), counts.get(s.id, 0)) for s in staff]


async def set_staff_areas(actor: UserRecord, staff_id: UUID, areas: list[str]) -> list[str]:
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    await dispatchable_staff(actor, staff_id)
    clean = sorted({" ".join(a.split()) for a in areas if a.strip()})
    if any(len(a) > 50 for a in clean):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "片区名称不能超过 50 个字", field="areas")
    await queries.set_areas(staff_id, clean, uuid.uuid4)
    return clean


async def assignees_of(visits: list[VisitRecord]) -> dict[UUID, UserRecord]:
    ids = sorted({v.assignee for v in visits if v.assignee is not None})
    return {user.id: user for user in await accounts.users_by_ids(ids)} if ids else {}


def parse_id(value: str, field: str = "id") -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"{field} 应为 UUID", field=field
        ) from None


async def visit_metrics(
    actor: UserRecord, start: date, end: date
) -> tuple[list[tuple[UserRecord, StaffVisitMetrics]], float | None]:
    """Per person: visits made per week and the no-show rate; overall: days to a visit."""
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if end < start or (end - start).days > 366:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "统计区间不正确（最长一年）", field="to")
    team = actor.team_id if actor.role == Role.SUPERVISOR else None
    visits = await queries.list_visits(between=(start, end), team_id=team, limit=20000)
    rows = staff_metrics(visits, start, end)
    people = await assignees_of(visits)
    return [(people[r.staff_id], r) for r in rows if r.staff_id in people], median_days_to_visit(
        visits
    )
