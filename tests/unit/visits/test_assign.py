"""Suggested assignee (pure): nearest area first, then fewest visits that day."""

from __future__ import annotations

from uuid import uuid4

from backend.visits.assign import Candidate, distance, ranked, suggest


def test_distance_by_area() -> None:
    assert distance("贵州省六盘水市钟山区荷泉路 1 号", ["钟山区"]) == 0
    assert distance("钟山经济开发区 3 号", ["钟山区"]) == 1
    assert distance("水城区 2 号", ["钟山区"]) == 2
    assert distance("水城区 2 号", []) == 2


def test_nearest_area_beats_lighter_day() -> None:
    near, far = Candidate(uuid4(), "b", ("钟山区",)), Candidate(uuid4(), "a", ("水城区",))
    busy = {near.user_id: 5}
    assert suggest("钟山区荷泉路", [far, near], busy) == near


def test_fewest_visits_that_day_among_equally_near() -> None:
    one, two = Candidate(uuid4(), "a", ("钟山区",)), Candidate(uuid4(), "b", ("钟山区",))
    assert ranked("钟山区", [one, two], {one.user_id: 2, two.user_id: 1}) == [two, one]
    # ties: by username, stable
    assert ranked("钟山区", [two, one], {}) == [one, two]


def test_no_candidates() -> None:
    assert suggest("钟山区", [], {}) is None


def test_visit_metrics_per_week_no_show_and_days_to_visit() -> None:
    from datetime import UTC, date, datetime, timedelta

    from backend.visits.metrics import median_days_to_visit, staff_metrics
    from backend.visits.models import VisitRecord

    staff = uuid4()
    start = datetime(2026, 12, 1, 1, tzinfo=UTC)

    def visit(status: str, day: int, days_to_visit: float) -> VisitRecord:
        return VisitRecord(
            id=uuid4(),
            ticket="t",
            kind="withdrawal",
            channel="public",
            name="n",
            phone="p",
            address="a",
            note="",
            preferred_date=None,
            status=status,
            assignee=staff,
            team_id=None,
            scheduled_for=date(2026, 12, day),
            slot="am",
            case_id=None,
            company_id=None,
            outcome=None,
            outcome_note="",
            outcome_at=start + timedelta(days=days_to_visit),
            outcome_location=None,
            entered_by=None,
            created_at=start,
            updated_at=start,
            version=1,
        )

    visits = [visit("done", 1, 1), visit("done", 3, 3), visit("missed", 4, 2), visit("done", 20, 5)]
    [row] = staff_metrics(visits, date(2026, 12, 1), date(2026, 12, 14))
    assert (row.done, row.missed, row.planned) == (2, 1, 3)
    assert row.per_week == 1.0
    assert row.no_show_rate == 0.333
    assert median_days_to_visit(visits) == 3.0
