"""How long a waiting photo will take, from the recent reading rate (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.documents.queue_estimate import estimated_seconds, recent_throughput

NOW = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)


def test_no_reading_lately_gives_no_rate_and_no_estimate() -> None:
    assert recent_throughput(0, None, NOW) is None
    assert estimated_seconds(3, None) is None


def test_the_rate_is_readings_over_the_time_since_the_first_of_them() -> None:
    assert recent_throughput(120, NOW - timedelta(minutes=4), NOW) == 0.5


def test_a_burst_just_now_is_spread_over_a_minute_at_least() -> None:
    assert recent_throughput(6, NOW - timedelta(seconds=5), NOW) == 0.1


def test_the_nth_in_line_is_done_after_n_readings_and_the_one_being_read_after_one() -> None:
    assert estimated_seconds(3, 0.5) == 6
    assert estimated_seconds(0, 0.5) == 2
    assert estimated_seconds(1, 0.3) == 4  # rounded up: never promise too early
