"""The 在线客服 roster's pure rules: valid shifts, overlaps, who is on duty at a moment."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from backend.accounts.roles import Role
from backend.consultation.duty_rules import check_shift, duty_state, may_answer_online, overlaps
from backend.consultation.models import DutyShift
from backend.errors import DoorstepError

T0 = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
ALICE, BOB = uuid.uuid4(), uuid.uuid4()


def _shift(user: uuid.UUID, start_h: float, end_h: float) -> DutyShift:
    return DutyShift(
        uuid.uuid4(), user, T0 + timedelta(hours=start_h), T0 + timedelta(hours=end_h), BOB
    )


def test_a_shift_ends_after_it_starts_lasts_at_most_twelve_hours_and_has_a_zone() -> None:
    check_shift(T0, T0 + timedelta(hours=12))
    for start, end, field in [
        (T0, T0, "endsAt"),
        (T0, T0 + timedelta(hours=12, minutes=1), "endsAt"),
        (T0.replace(tzinfo=None), T0.replace(tzinfo=None) + timedelta(hours=1), "startsAt"),
    ]:
        with pytest.raises(DoorstepError) as refused:
            check_shift(start, end)
        assert refused.value.field == field


def test_the_same_person_twice_at_once_overlaps_but_back_to_back_or_someone_else_does_not() -> None:
    morning = _shift(ALICE, 0, 4)
    assert overlaps(_shift(ALICE, 3, 5), [morning])
    assert not overlaps(_shift(ALICE, 4, 6), [morning])
    assert not overlaps(_shift(BOB, 1, 3), [morning])
    assert not overlaps(morning, [morning])


def test_duty_state_lists_the_shifts_covering_the_moment_and_the_next_start() -> None:
    early, late, later = _shift(ALICE, 0, 4), _shift(BOB, 5, 8), _shift(ALICE, 6, 9)
    now = duty_state([later, late, early], T0 + timedelta(hours=1))
    assert now.on_duty == [early]
    assert now.next_start == late.starts_at
    at_end = duty_state([early, late], early.ends_at)
    assert at_end.on_duty == []
    assert duty_state([early], T0 + timedelta(hours=5)).next_start is None


def test_the_online_queue_is_for_staff_on_duty_now_and_for_those_who_set_the_roster() -> None:
    state = duty_state([_shift(ALICE, -1, 1), _shift(BOB, 2, 4)], T0)
    assert may_answer_online(ALICE, Role.FIELD_STAFF, state)
    assert not may_answer_online(BOB, Role.FIELD_STAFF, state)  # later, not now
    assert may_answer_online(BOB, Role.SUPERVISOR, state)
    assert may_answer_online(uuid.uuid4(), Role.ADMIN, duty_state([], T0))
