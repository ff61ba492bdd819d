"""Circuit breaker and health of a source, from its recent calls (pure).

Calls are recorded in the database, so every app and worker process sees the same state:
after ``failures`` failed calls in a row the breaker opens for ``cooldown`` seconds (no
call goes out; checks wait); then one trial call is let through (half open)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Call:
    at: datetime
    ok: bool
    latency_ms: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BreakerState:
    state: str  # closed | open | half_open
    retry_at: datetime | None = None


def breaker_state(
    latest_first: Sequence[Call], failures: int, cooldown: timedelta, now: datetime
) -> BreakerState:
    recent = list(latest_first[:failures])
    if len(recent) < failures or any(call.ok for call in recent):
        return BreakerState("closed")
    reopens = recent[0].at + cooldown
    if now < reopens:
        return BreakerState("open", reopens)
    return BreakerState("half_open")


@dataclass(frozen=True, slots=True)
class Health:
    status: str  # up | degraded | down | unknown
    calls: int
    error_rate: float
    p50_ms: int | None
    p95_ms: int | None
    last_ok_at: datetime | None
    last_error: str | None


def _percentile(values: list[int], share: float) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def health(window_calls: Sequence[Call], breaker: BreakerState) -> Health:
    """``window_calls``: the calls of the last window, latest first."""
    failed = [c for c in window_calls if not c.ok]
    rate = len(failed) / len(window_calls) if window_calls else 0.0
    ok_calls = [c for c in window_calls if c.ok]
    latencies = [c.latency_ms for c in ok_calls]
    if breaker.state == "open":
        status = "down"
    elif not window_calls:
        status = "unknown"
    elif rate >= 0.5 or not window_calls[0].ok:
        status = "degraded"
    else:
        status = "up"
    return Health(
        status=status,
        calls=len(window_calls),
        error_rate=round(rate, 3),
        p50_ms=_percentile(latencies, 0.5),
        p95_ms=_percentile(latencies, 0.95),
        last_ok_at=ok_calls[0].at if ok_calls else None,
        last_error=failed[0].error if failed else None,
    )
