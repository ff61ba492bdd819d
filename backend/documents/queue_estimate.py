"""How long a document waiting to be read will take, from how fast reading has gone lately
(pure rules: the numbers come from the job queue and the readings' times)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

# Readings finished within this window make the recent throughput.
RECENT = timedelta(minutes=10)
# A burst of readings seconds ago says little about a rate: measure over at least this long.
MIN_SPAN_SECONDS = 60.0


def recent_throughput(finished: int, earliest: datetime | None, now: datetime) -> float | None:
    """Documents read per second over the recent window; None when none were read in it."""
    if finished <= 0 or earliest is None:
        return None
    span = max((now - earliest).total_seconds(), MIN_SPAN_SECONDS)
    return finished / span


def estimated_seconds(position: int, per_second: float | None) -> int | None:
    """Seconds until a document at ``position`` (0: being read, n: n-th in line) is read,
    at the recent throughput; None without one. Jobs run side by side on several workers,
    so the throughput already counts them all: the n-th in line is done after n readings."""
    if per_second is None or per_second <= 0:
        return None
    return math.ceil(max(position, 1) / per_second)
