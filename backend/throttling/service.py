"""Use case: count a public request against its limits, or refuse it with a coded error.

Every subject (the caller's address, a phone number given in a form…) has its own
window; a request is refused when any of them is full. The count is written in its own
small transaction before the request does anything else, so refused requests count too
and a flood costs one short write per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from backend.errors import DoorstepError, ErrorCode
from backend.throttling import queries
from backend.throttling.rules import Limit, allowed, retry_after_seconds, window


async def count_request(
    action: str,
    subjects: Mapping[str, str | None],
    limits: Mapping[str, Limit],
    now: datetime | None = None,
) -> None:
    """``subjects`` maps a kind ("address", "phone") to its value (None: not given);
    ``limits`` gives each kind's limit. Raises ``RATE_LIMITED`` with ``retryAfterSeconds``."""
    moment = now or datetime.now(UTC)
    wait = 0
    for kind, subject in subjects.items():
        if not subject:
            continue
        limit = limits[kind]
        current = window(action, kind, subject, limit, moment)
        hits = await queries.count_hit(current.bucket, current.ends)
        if not allowed(hits, limit):
            wait = max(wait, retry_after_seconds(current, moment))
    if wait:
        raise DoorstepError(ErrorCode.RATE_LIMITED, details={"retryAfterSeconds": wait})
