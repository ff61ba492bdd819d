"""Pure rules of the 在线客服 duty roster: valid shifts and who is on duty at a moment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from uuid import UUID

from backend.accounts.roles import Role
from backend.consultation.models import DutyShift, DutyState
from backend.errors import DoorstepError, ErrorCode

LONGEST_SHIFT = timedelta(hours=12)
# How far ahead the member's ticket page looks for the next shift.
LOOKAHEAD = timedelta(days=14)
# They set the roster, so they may always step in on the online queue.
ROSTER_EDITORS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def check_shift(starts_at: datetime, ends_at: datetime) -> None:
    """A shift has a time zone, ends after it starts and lasts at most twelve hours."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "值班时间须带时区。", field="startsAt"
        )
    if ends_at <= starts_at:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "值班结束时间须晚于开始时间。", field="endsAt"
        )
    if ends_at - starts_at > LONGEST_SHIFT:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "一个班次最长 12 小时。", field="endsAt"
        )


def overlaps(shift: DutyShift, others: Iterable[DutyShift]) -> bool:
    """The same person twice at once is a mistake in the roster."""
    return any(
        other.user_id == shift.user_id
        and other.id != shift.id
        and other.starts_at < shift.ends_at
        and shift.starts_at < other.ends_at
        for other in others
    )


def duty_state(shifts: Iterable[DutyShift], now: datetime) -> DutyState:
    """The shifts covering ``now`` and the earliest start after it."""
    ordered = sorted(shifts, key=lambda s: (s.starts_at, s.ends_at))
    on_duty = [s for s in ordered if s.starts_at <= now < s.ends_at]
    upcoming = [s.starts_at for s in ordered if s.starts_at > now]
    return DutyState(on_duty=on_duty, next_start=upcoming[0] if upcoming else None)


def may_answer_online(user_id: UUID, role: Role, state: DutyState) -> bool:
    """The online queue (claim, answer) is for whoever is on 在线客服 duty now, and for
    those who set the roster; others are told who is on duty and when the next shift is."""
    return role in ROSTER_EDITORS or any(s.user_id == user_id for s in state.on_duty)
