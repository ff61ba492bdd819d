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
