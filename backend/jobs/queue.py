"""Enqueue jobs. Called inside the caller's transaction, so a job exists iff its cause does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from backend.jobs import distributed, queries
from backend.jobs.registry import spec_for
from backend.settings import get_settings


async def enqueue(
    name: str,
    payload: dict[str, Any],
    *,
    delay_seconds: float = 0.0,
    dedupe_key: str | None = None,
) -> UUID | int | None:
    """Returns the new job's id, or None when a pending job with ``dedupe_key`` exists.

    Embedded mode queues in the ``job`` table; distributed mode in procrastinate's.
    """
    if get_settings().jobs == "distributed":
        return await distributed.defer(
            name, payload, delay_seconds=delay_seconds, dedupe_key=dedupe_key
        )
    spec = spec_for(name)
    now = datetime.now(UTC)
    return await queries.insert(
        name,
        payload,
        run_at=now + timedelta(seconds=delay_seconds),
        dedupe_key=dedupe_key,
        max_attempts=spec.max_attempts if spec else 5,
        now=now,
    )


async def queue_places(name: str, dedupe_keys: list[str]) -> dict[str, int]:
    """Each waiting or running job of ``name`` by its dedupe key: 0 while it runs, n when it
    is n-th in line. Keys of jobs not queued (done, never queued) are left out."""
    if get_settings().jobs == "distributed":
        return await queries.procrastinate_queue_places(name, dedupe_keys)
    return await queries.queue_places(name, dedupe_keys)
