"""Shared steps of the notifications tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from backend.jobs.tables import Job
from tests.integration.conftest import GraphQL
from tests.integration.notifications.push_service import BrowserSubscription

REGISTER = """mutation($e: String!, $p: String!, $a: String!) {
  registerPushSubscription(endpoint: $e, p256dh: $p, auth: $a) { id } }"""


async def register(gql: GraphQL, token: str, subscription: BrowserSubscription) -> dict[str, Any]:
    return await gql(
        REGISTER,
        {"e": subscription.endpoint, "p": subscription.p256dh, "a": subscription.auth},
        token=token,
    )


async def pending_push_jobs() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await Job.select().where(
        (Job.name == "notifications.deliver_push") & (Job.status == "pending")
    )
    return rows


async def make_retries_due() -> None:
    """Skips the backoff wait: every pending push job becomes due now."""
    await Job.update({Job.run_at: datetime.now(UTC)}).where(
        (Job.name == "notifications.deliver_push") & (Job.status == "pending")
    )
