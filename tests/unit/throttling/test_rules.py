from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.throttling.rules import Limit, allowed, retry_after_seconds, window

LIMIT = Limit(hits=3, seconds=600)
NOW = datetime(2026, 12, 6, 10, 4, 30, tzinfo=UTC)


def test_moments_in_one_window_share_its_bucket_and_the_next_window_does_not() -> None:
    first = window("ask", "address", "10.0.0.1", LIMIT, NOW)
    same = window("ask", "address", "10.0.0.1", LIMIT, NOW + timedelta(minutes=5))
    later = window("ask", "address", "10.0.0.1", LIMIT, NOW + timedelta(minutes=6))
    assert first.bucket == same.bucket
    assert later.bucket != first.bucket
    assert first.starts == datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    assert first.ends == datetime(2026, 12, 6, 10, 10, tzinfo=UTC)


def test_subjects_actions_and_kinds_are_counted_apart() -> None:
    buckets = {
        window("ask", "address", "10.0.0.1", LIMIT, NOW).bucket,
        window("ask", "address", "10.0.0.2", LIMIT, NOW).bucket,
        window("visit", "address", "10.0.0.1", LIMIT, NOW).bucket,
        window("ask", "phone", "10.0.0.1", LIMIT, NOW).bucket,
    }
    assert len(buckets) == 4


def test_the_bucket_never_holds_the_subject_in_clear() -> None:
    bucket = window("visit", "phone", "13812345678", LIMIT, NOW).bucket
    assert "13812345678" not in bucket
    assert len(bucket) <= 100


def test_the_limit_admits_exactly_its_number_of_hits() -> None:
    assert allowed(3, LIMIT)
    assert not allowed(4, LIMIT)


def test_the_wait_runs_to_the_end_of_the_window_and_is_never_zero() -> None:
    current = window("ask", "address", "10.0.0.1", LIMIT, NOW)
    assert retry_after_seconds(current, NOW) == 330
    assert retry_after_seconds(current, current.ends) == 1
