"""Use cases of the 在线客服 duty roster: supervisors and admins set who answers the online
queue when; staff on duty are told in their inbox when a question arrives; the member's
ticket page says when someone is on duty (never who)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.centre import CENTRE_TIMEZONE
from backend.consultation import duty_queries as queries
from backend.consultation.duty_rules import (
    LONGEST_SHIFT,
    LOOKAHEAD,
    ROSTER_EDITORS,
    check_shift,
    duty_state,
    may_answer_online,
    overlaps,
)
from backend.consultation.models import DutyShift, DutyState
from backend.errors import DoorstepError, ErrorCode
from backend.notifications.service import notify
from sync.changelog import changes as sync_changes

ON_DUTY_ROLES = frozenset({Role.FIELD_STAFF, Role.SUPERVISOR, Role.ADMIN})
LONGEST_RANGE = timedelta(days=62)


def _now() -> datetime:
    return datetime.now(UTC)


def _centre_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CENTRE_TIMEZONE)


async def roster(start: date, end: date) -> list[DutyShift]:
    """Shifts overlapping the centre's days ``start`` to ``end`` (inclusive)."""
    if end < start:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "结束日期早于开始日期。", field="to")
    if end - start > LONGEST_RANGE:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "一次最多查看 62 天。", field="to")
    return await queries.shifts_between(
        _centre_day_start(start), _centre_day_start(end + timedelta(days=1))
    )


async def add_shift(
    actor: UserRecord, user_id: UUID, starts_at: datetime, ends_at: datetime
) -> tuple[DutyShift, UserRecord]:
    """A new shift (supervisors and admins; 在线客服 is the centre's, not one team's)."""
    if actor.role not in ROSTER_EDITORS:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    check_shift(starts_at, ends_at)
    person = await accounts.user_by_id(user_id)
    if person is None or not person.active or person.role not in ON_DUTY_ROLES:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "值班人员须为在职员工。", field="userId"
        )
    shift = DutyShift(uuid.uuid4(), user_id, starts_at, ends_at, actor.id)
    async with sync_changes.write_transaction():
        near = await queries.shifts_between(starts_at - LONGEST_SHIFT, ends_at + LONGEST_SHIFT)
        if overlaps(shift, near):
            raise DoorstepError(
                ErrorCode.CONFLICT, "该员工在这段时间已有值班。", field="startsAt"
            )
        await queries.insert_shift(shift, _now())
    return shift, person


async def remove_shift(actor: UserRecord, shift_id: UUID) -> None:
    if actor.role not in ROSTER_EDITORS:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if not await queries.delete_shift(shift_id):
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该班次。")


async def duty_now(now: datetime | None = None) -> DutyState:
    moment = now or _now()
    shifts = await queries.shifts_between(moment - LONGEST_SHIFT, moment + LOOKAHEAD)
    return duty_state(shifts, moment)


async def require_on_duty(actor: UserRecord) -> None:
    """Refuses the online queue to staff not on duty now (``NOT_ON_DUTY``, with when the
    next shift begins; ``onlineDuty`` says who is on duty)."""
    state = await duty_now()
    if not may_answer_online(actor.id, actor.role, state):
        next_start = state.next_start.isoformat() if state.next_start else None
        raise DoorstepError(ErrorCode.NOT_ON_DUTY, details={"nextDutyStart": next_start})


async def with_staff(shifts: list[DutyShift]) -> list[tuple[DutyShift, UserRecord]]:
    """Each shift with the person on it (a deleted account's shifts drop out)."""
    people = {p.id: p for p in await accounts.users_by_ids(list({s.user_id for s in shifts}))}
    return [(s, people[s.user_id]) for s in shifts if s.user_id in people]


async def staffed_roster(start: date, end: date) -> list[tuple[DutyShift, UserRecord]]:
    return await with_staff(await roster(start, end))


Staffed = list[tuple[DutyShift, UserRecord]]


async def staff_view(actor: UserRecord) -> tuple[Staffed, DutyState, DutyShift | None]:
    """For the queue page: who is on duty now, when the next shift begins, and the
    caller's own next shift (now or later)."""
    moment = _now()
    shifts = await queries.shifts_between(moment - LONGEST_SHIFT, moment + LOOKAHEAD)
    state = duty_state(shifts, moment)
    mine = [s for s in shifts if s.user_id == actor.id and s.ends_at > moment]
    return await with_staff(state.on_duty), state, (mine[0] if mine else None)


async def tell_on_duty(masked_question: str) -> None:
    """Each staff member on duty gets an inbox entry (and a push) for a new question.
    Call it inside the transaction that stores the question."""
    state = await duty_now()
    if state.on_duty:
        await notify(
            [shift.user_id for shift in state.on_duty],
            "consultation_waiting",
            "网上咨询有新问题待答复",
            masked_question[:80],
        )
