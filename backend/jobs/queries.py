"""Every database query of the job queues: the embedded ``job`` table (portable: SQLite and
PostgreSQL) and the few of distributed mode on procrastinate's tables (PostgreSQL)."""

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


async def queue_places(name: str, dedupe_keys: list[str]) -> dict[str, int]:
    """Where each queued job of ``name`` (found by its dedupe key) stands: 0 while it runs,
    n when n - 1 pending jobs of that name come before it (workers take the earliest due)."""
    if not dedupe_keys:
        return {}
    rows = await Job.select(Job.dedupe_key, Job.status, Job.run_at).where(
        Job.dedupe_key.is_in(dedupe_keys) & Job.status.is_in(["pending", "running"])
    )
    places = {}
    for row in rows:
        if row["status"] == "running":
            places[row["dedupe_key"]] = 0
            continue
        ahead = await Job.count().where(
            (Job.name == name) & (Job.status == "pending") & (Job.run_at < row["run_at"])
        )
        places[row["dedupe_key"]] = ahead + 1
    return places


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


# --- procrastinate (distributed mode, PostgreSQL) ----------------------------------------

_DEFER_SQL = """
SELECT unnest(procrastinate_defer_jobs_v1(ARRAY[ROW(
    {}::varchar, {}::varchar, 0, {}::text, NULL::text, {}::jsonb, {}::timestamptz
)]::procrastinate_job_to_defer_v1[])) AS id
FROM (SELECT 1) AS once
WHERE {}::text IS NULL OR NOT EXISTS (
    SELECT 1 FROM procrastinate_jobs WHERE lock = {}::text AND status = 'todo'
)
"""
# Serialises concurrent `doorstep migrate` runs while procrastinate's schema is applied.
_SCHEMA_LOCK_KEY = 0x0D00_0001


async def defer_procrastinate_job(
    queue: str, task_name: str, args_json: str, run_at: datetime | None, *, lock: str | None
) -> int | None:
    """procrastinate's own defer function, on the current transaction's connection; None
    (nothing queued) when a job with ``lock`` is already waiting."""
    rows = await Job.raw(_DEFER_SQL, queue, task_name, lock, args_json, run_at, lock, lock)
    return int(rows[0]["id"]) if rows else None


async def create_procrastinate_schema(schema_sql: str) -> bool:
    """Applies procrastinate's schema unless its tables exist; True when it created them."""
    engine: Any = Job._meta.db
    connection = await engine.get_new_connection()
    try:
        async with connection.transaction():
            await connection.execute(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK_KEY})")
            if await connection.fetchval("SELECT to_regclass('procrastinate_jobs')") is not None:
                return False
            await connection.execute(schema_sql)
            # Lets the defer above find a waiting job by its lock without a scan.
            await connection.execute(
                "CREATE INDEX doorstep_procrastinate_todo_lock "
                "ON procrastinate_jobs (lock) WHERE status = 'todo'"
            )
            return True
    finally:
        await connection.close()


# procrastinate takes the todo job of highest priority, then lowest id, whose time has come.
_PLACES_SQL = """
SELECT j.lock, CASE WHEN j.status = 'doing' THEN 0 ELSE 1 + (
    SELECT count(*) FROM procrastinate_jobs a
    WHERE a.queue_name = j.queue_name AND a.task_name = j.task_name AND a.status = 'todo'
      AND (a.priority > j.priority OR (a.priority = j.priority AND a.id < j.id))
      AND (a.scheduled_at IS NULL OR a.scheduled_at <= now())
) END AS place
FROM procrastinate_jobs j
WHERE j.lock = ANY({}::text[]) AND j.task_name = {} AND j.status IN ('todo', 'doing')
"""


async def procrastinate_queue_places(name: str, locks: list[str]) -> dict[str, int]:
    """:func:`queue_places` for distributed mode: the dedupe key is procrastinate's lock."""
    if not locks:
        return {}
    rows = await Job.raw(_PLACES_SQL, locks, name)
    return {row["lock"]: int(row["place"]) for row in rows}
