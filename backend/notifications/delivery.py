"""Use case run by the job queue: send one notification to one push subscription.

Web Push is best effort (it does not reach mainland China's Chrome users at all): the inbox
already holds the notification, so a failed push loses nothing.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from uuid import UUID

from backend.notifications import queries
from backend.notifications.content import push_payload
from backend.notifications.outcome import PushOutcome, classify
from backend.notifications.sender import PushSender, Subscription

log = logging.getLogger("doorstep.notifications")

DELIVER_PUSH = "notifications.deliver_push"
# 30 s, 1, 2, 4, 8 min (± jitter): about a quarter of an hour, then the push is stale.
MAX_ATTEMPTS = 6
BACKOFF_SECONDS = 30.0


class PushNotDeliveredError(Exception):
    """The push service did not take the message; the job queue tries again later."""


async def deliver_push(delivery_id: UUID, sender: PushSender) -> None:
    target = await queries.push_target(delivery_id)
    if target is None or target.status != "pending":
        return  # the notification was purged, or an earlier run finished this delivery
    now = datetime.now(UTC)
    if target.subscription_id is None or not target.endpoint or not target.p256dh:
        await queries.record_attempt(
            delivery_id, status="gone", attempts=target.attempts, http_status=None,
            error="subscription removed before delivery", finished_at=now,
        )
        return
    result = await sender.send(
        Subscription(target.endpoint, target.p256dh, target.auth or ""),
        push_payload(target.title, target.body, target.case_id),
    )
    attempts = target.attempts + 1
    outcome = classify(result.status)
    now = datetime.now(UTC)
    if outcome is PushOutcome.RETRY:
        final = attempts >= MAX_ATTEMPTS
        await queries.record_attempt(
            delivery_id, status="failed" if final else "pending", attempts=attempts,
            http_status=result.status, error=result.detail, finished_at=now if final else None,
        )
        raise PushNotDeliveredError(f"push service answered {result.status}: {result.detail}")
    await queries.record_attempt(
        delivery_id, status=str(outcome), attempts=attempts, http_status=result.status,
        error=result.detail, finished_at=now,
    )
    if outcome is PushOutcome.DELIVERED:
        await queries.mark_subscription_used(target.subscription_id, now)
    elif outcome is PushOutcome.GONE:
        # Expired or revoked by the browser: never push to it again.
        await queries.delete_subscription_by_id(target.subscription_id)
    else:
        log.warning("push %s rejected with %s: %s", delivery_id, result.status, result.detail)
