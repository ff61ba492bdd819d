"""Every database query of the job queue (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.jobs.tables import Job


async def insert(
    name: str, payload: dict[str, Any], run_at: datetime, dedupe_key: str | None,
    max_attempts: int, now: datetime,
) -> UUID | None:
    if dedupe_key is not None and await Job.exists().where(
        (Job.dedupe_key == dedupe_key) & Job.status.is_in(["pending", "running"])
    ):
        return None
    job_id = uuid.uuid4()
    await Job.insert(
        Job(id=job_id, name=name, payload=payload, dedupe_key=dedupe_key, run_at=run_at,
            max_attempts=max_attempts, created_at=now)
    )
    return job_id


async def due_candidates(now: datetime, limit: int) -> list[UUID]:
    rows = await (
        Job.select(Job.id)
        .where(
            ((Job.status == "pending") & (Job.run_at <= now))
            | ((Job.status == "running") & (Job.locked_until < now))
        )
        .order_by(Job.run_at)
        .limit(limit)
    )
    return [row["id"] for row in rows]


async def try_claim(
    job_id: UUID, worker: str, now: datetime, lease_until: datetime
) -> dict[str, Any] | None:
    """Optimistic claim: only one worker's UPDATE matches the row; works without SKIP LOCKED."""
    rows = await (
        Job.update(
            {Job.status: "running", Job.locked_by: worker, Job.locked_until: lease_until,
             Job.attempts: Job.attempts + 1}
        )
        .where(
            (Job.id == job_id)
            & (((Job.status == "pending") & (Job.run_at <= now))
               | ((Job.status == "running") & (Job.locked_until < now)))
        )
        .returning(Job.id, Job.name, Job.payload, Job.attempts, Job.max_attempts)
    )
    return rows[0] if rows else None


async def mark_done(job_id: UUID, now: datetime) -> None:
    await Job.update(
        {Job.status: "done", Job.finished_at: now, Job.locked_until: None, Job.last_error: ""}
    ).where(Job.id == job_id)


async def mark_retry(job_id: UUID, run_at: datetime, error: str) -> None:
    await Job.update(
        {Job.status: "pending", Job.run_at: run_at, Job.locked_until: None, Job.last_error: error}
    ).where(Job.id == job_id)


async def mark_failed(job_id: UUID, now: datetime, error: str) -> None:
    await Job.update(
        {Job.status: "failed", Job.finished_at: now, Job.locked_until: None, Job.last_error: error}
    ).where(Job.id == job_id)


async def by_id(job_id: UUID) -> dict[str, Any] | None:
    row: dict[str, Any] | None = await Job.select().where(Job.id == job_id).first()
    return row


async def delete_finished_before(cutoff: datetime) -> None:
    await Job.delete().where((Job.status == "done") & (Job.finished_at < cutoff))
