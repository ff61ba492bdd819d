"""Pure rule: what a push service's answer means for the delivery and the subscription."""

from __future__ import annotations

from enum import StrEnum


class PushOutcome(StrEnum):
    DELIVERED = "delivered"
    GONE = "gone"  # the subscription expired or was revoked: remove it, never retry
    RETRY = "retry"  # the push service is busy or down: try again later
    REJECTED = "rejected"  # our request is wrong (payload, VAPID key): retrying will not help


def classify(status: int | None) -> PushOutcome:
    """``None`` means no answer at all (connection refused, timeout)."""
    if status is None:
        return PushOutcome.RETRY
    if 200 <= status < 300:
        return PushOutcome.DELIVERED
    if status in (404, 410):
        return PushOutcome.GONE
    if status in (408, 425, 429) or status >= 500:
        return PushOutcome.RETRY
    return PushOutcome.REJECTED
