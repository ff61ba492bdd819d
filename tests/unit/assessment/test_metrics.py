"""Staff metrics: counts per period, return rate, median time to approval, flags by rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from backend.assessment.metrics import staff_metrics
from backend.cases.models import HistoryEntry

DAY = datetime(2026, 11, 2, 9, tzinfo=UTC)
STAFF_A, STAFF_B = uuid4(), uuid4()


def entry(case: UUID, hours: float, action: str, to: str | None = None) -> HistoryEntry:
    return HistoryEntry(
        case_id=case,
        at=DAY + timedelta(hours=hours),
        actor=uuid4(),
        actor_name="x",
        client_id=None,
        action=action,
        from_status=None,
        to_status=to,
        reason=None,
    )


def test_counts_rates_and_median_hours_per_staff_member() -> None:
    one, two, three = uuid4(), uuid4(), uuid4()
    history = [
        entry(one, 0, "create", "draft"),
        entry(one, 1, "submit", "submitted"),
        entry(one, 10, "review", "approved"),
        entry(two, 0, "create", "draft"),
        entry(two, 2, "submit", "submitted"),
        entry(two, 4, "review", "returned"),
        entry(two, 5, "submit", "submitted"),
        entry(two, 20, "review", "approved"),
        entry(three, 0, "create", "draft"),
        entry(three, 1, "submit", "submitted"),
    ]
    owners = {one: STAFF_A, two: STAFF_A, three: STAFF_B}
    flags = {two: ["AMOUNT_MISMATCH", "NAME_MISMATCH"], one: ["AMOUNT_MISMATCH"]}
    result = staff_metrics(history, owners, flags, DAY, DAY + timedelta(days=1))
    by_staff = {m.staff_id: m for m in result}

    a = by_staff[STAFF_A]
    assert (a.submitted, a.approved, a.returned) == (3, 2, 1)
    assert a.return_rate == round(1 / 3, 4)
    assert a.median_hours_to_approval == 15.0  # 10 h and 20 h from the visit
    assert a.flags_by_rule == {"AMOUNT_MISMATCH": 2, "NAME_MISMATCH": 1}

    b = by_staff[STAFF_B]
    assert (b.submitted, b.approved, b.returned) == (1, 0, 0)
    assert b.return_rate is None
    assert b.median_hours_to_approval is None


def test_only_entries_inside_the_period_count() -> None:
    case = uuid4()
    history = [entry(case, 0, "submit", "submitted"), entry(case, 30, "review", "approved")]
    result = staff_metrics(
        history, {case: STAFF_A}, {}, DAY + timedelta(days=1), DAY + timedelta(days=2)
    )
    assert len(result) == 1
    assert (result[0].submitted, result[0].approved) == (0, 1)
    assert result[0].median_hours_to_approval == 30.0
    assert (
        staff_metrics(
            history, {case: STAFF_A}, {}, DAY + timedelta(days=5), DAY + timedelta(days=6)
        )
        == []
    )
