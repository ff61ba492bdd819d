"""The circuit breaker and the health figures, from recorded calls (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.registry.breaker import BreakerState, Call, breaker_state, health

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
COOLDOWN = timedelta(seconds=60)


def calls(*oks: bool, ago: float = 1.0) -> list[Call]:
    """Latest first, ``ago`` seconds between them."""
    return [Call(NOW - timedelta(seconds=ago * (i + 1)), ok, 100 + i, None if ok else "http_5xx")
            for i, ok in enumerate(oks)]


def test_opens_after_failures_in_a_row_then_lets_one_trial_through() -> None:
    assert breaker_state(calls(False, False), 3, COOLDOWN, NOW).state == "closed"
    assert breaker_state(calls(False, False, True), 3, COOLDOWN, NOW).state == "closed"
    opened = breaker_state(calls(False, False, False), 3, COOLDOWN, NOW)
    assert opened.state == "open"
    assert opened.retry_at == NOW - timedelta(seconds=1) + COOLDOWN
    later = breaker_state(calls(False, False, False, ago=61), 3, COOLDOWN, NOW)
    assert later == BreakerState("half_open")


def test_health_status_error_rate_and_latency() -> None:
    closed = BreakerState("closed")
    assert health([], closed).status == "unknown"
    up = health(calls(True, True, True, False), closed)
    assert (up.status, up.calls, up.error_rate) == ("up", 4, 0.25)
    assert up.p50_ms == 101
    assert up.p95_ms == 102
    assert up.last_error == "http_5xx"
    assert health(calls(False, True), closed).status == "degraded"
    assert health(calls(False, False, False), BreakerState("open")).status == "down"
