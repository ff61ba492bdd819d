"""Every database query of the job queue (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.jobs.tables import Job, ScheduledTask


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


async def delete_finished_before(cutoff: datetime) -> int:
    rows = await Job.delete().where((Job.status == "done") & (Job.finished_at < cutoff)).returning(
        Job.id
    )
    return len(rows)


# --- periodic tasks ------------------------------------------------------------------------


async def ensure_scheduled(name: str, first_run_at: datetime) -> None:
    await ScheduledTask.insert(
        ScheduledTask(name=name, next_run_at=first_run_at, runs=0, last_result="")
    ).on_conflict(action="DO NOTHING")


async def try_claim_scheduled(
    name: str, worker: str, now: datetime, next_run_at: datetime, lease_until: datetime
) -> bool:
    """One conditional UPDATE: of all workers asking at once, exactly one gets the period.

    PostgreSQL re-checks the condition after the row lock is granted, and SQLite has one
    writer at a time, so a second claimer finds ``next_run_at`` already moved on.
    """
    rows = await (
        ScheduledTask.update(
            {ScheduledTask.next_run_at: next_run_at, ScheduledTask.locked_by: worker,
             ScheduledTask.locked_until: lease_until, ScheduledTask.last_started_at: now,
             ScheduledTask.runs: ScheduledTask.runs + 1}
        )
        .where(
            (ScheduledTask.name == name)
            & (ScheduledTask.next_run_at <= now)
            & (ScheduledTask.locked_until.is_null() | (ScheduledTask.locked_until < now))
        )
        .returning(ScheduledTask.name)
    )
    return bool(rows)


async def finish_scheduled(name: str, worker: str, now: datetime, result: str) -> None:
    await ScheduledTask.update(
        {ScheduledTask.locked_by: None, ScheduledTask.locked_until: None,
         ScheduledTask.last_finished_at: now, ScheduledTask.last_result: result[:2000]}
    ).where((ScheduledTask.name == name) & (ScheduledTask.locked_by == worker))


async def scheduled(name: str) -> dict[str, Any] | None:
    row: dict[str, Any] | None = await ScheduledTask.select().where(
        ScheduledTask.name == name
    ).first()
    return row
