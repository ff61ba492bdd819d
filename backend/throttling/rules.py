"""Pure rules of fixed-window rate limits: which window a moment falls in, its key, the wait."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``hits`` requests per ``seconds`` for one subject of one kind."""

    hits: int
    seconds: int


@dataclass(frozen=True, slots=True)
class Window:
    bucket: str
    starts: datetime
    ends: datetime


def window(action: str, kind: str, subject: str, limit: Limit, now: datetime) -> Window:
    """The window ``now`` falls in. The subject is hashed: the table never holds a phone
    number or address in clear."""
    epoch = int(now.timestamp())
    start = epoch - epoch % limit.seconds
    digest = hashlib.sha256(f"{kind}:{subject}".encode()).hexdigest()[:32]
    starts = datetime.fromtimestamp(start, UTC)
    return Window(
        bucket=f"{action}:{kind}:{digest}:{start}",
        starts=starts,
        ends=starts + timedelta(seconds=limit.seconds),
    )


def allowed(hits_after_this_one: int, limit: Limit) -> bool:
    return hits_after_this_one <= limit.hits


def retry_after_seconds(window: Window, now: datetime) -> int:
    return max(1, int((window.ends - now).total_seconds() + 0.999))
