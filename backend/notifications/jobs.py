"""Job handlers of the notifications domain (listed in backend.jobs.registry.JOB_MODULES)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.jobs.registry import job
from backend.notifications.delivery import (
    BACKOFF_SECONDS,
    DELIVER_PUSH,
    MAX_ATTEMPTS,
    deliver_push,
)
from backend.notifications.sender import WebPushSender
from backend.notifications.vapid import vapid_keys
from backend.settings import get_settings


@job(DELIVER_PUSH, max_attempts=MAX_ATTEMPTS, backoff_seconds=BACKOFF_SECONDS)
async def deliver_push_job(payload: dict[str, Any]) -> None:
    sender = WebPushSender(vapid_keys(get_settings()))
    await deliver_push(UUID(payload["deliveryId"]), sender)
