"""Distributed mode: the same registered jobs run on procrastinate, a PostgreSQL job queue.

Embedded mode (SQLite, the demo) keeps the small ``job`` table queue of ``worker``; with
``DOORSTEP_JOBS=distributed`` jobs go to procrastinate and ``doorstep worker`` processes run
them. Both take their handlers, retry limits and periodic tasks from the same registries
(``registry.job`` and ``schedule.periodic``), so job code does not know which mode runs it.

- Enqueueing calls procrastinate's own versioned SQL function ``procrastinate_defer_jobs_v1``
  on the caller's connection, inside the caller's transaction: a job exists iff its cause
  was committed, and a worker (woken by procrastinate's NOTIFY, sent at commit) never finds
  a job whose rows it cannot see yet.
- ``dedupe_key`` becomes procrastinate's ``lock``: no second job is queued while one with
  the key waits, and two jobs with the key never run at once.
- Retries follow each job's ``max_attempts`` and ``backoff_seconds`` (``backoff``).
- Periodic tasks are procrastinate periodic tasks (``cron``): one job per tick overall,
  however many workers run. Jobs of a worker that died are retried once its heartbeat stops.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import procrastinate
from procrastinate import jobs as procrastinate_jobs
from procrastinate.retry import BaseRetryStrategy, RetryDecision
from procrastinate.schema import SchemaManager

from backend.jobs import queries
from backend.jobs.backoff import retry_delay_seconds
from backend.jobs.cron import cron_for
from backend.jobs.registry import JobSpec, job_specs, load_job_modules
from backend.jobs.schedule import PeriodicTask, periodic_tasks
from backend.settings import get_settings

log = logging.getLogger("doorstep.jobs")
QUEUE = "doorstep"
RETRY_STALLED = "jobs.retry_stalled"
# A worker that has not beaten for this long is taken for dead; its jobs are run again.
STALLED_AFTER_SECONDS = 60


class BackoffRetry(BaseRetryStrategy):
    """A job's own retry rule: ``max_attempts`` runs in all, exponential backoff between."""

    def __init__(self, max_attempts: int, backoff_seconds: float) -> None:
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds

    def get_retry_decision(
        self, *, exception: BaseException, job: procrastinate_jobs.Job
    ) -> RetryDecision | None:
        attempt = job.attempts + 1  # procrastinate counts earlier runs; this one included
        if attempt >= self.max_attempts:
            log.error("job %s %s failed for good: %s", job.task_name, job.id, exception)
            return None
        delay = retry_delay_seconds(attempt, self.backoff_seconds)
        return RetryDecision(retry_in={"seconds": round(delay)})


async def defer(
    name: str, payload: dict[str, Any], *, delay_seconds: float, dedupe_key: str | None
) -> int | None:
    """Queues a job in the caller's transaction; None when ``dedupe_key`` is already queued."""
    run_at = datetime.now(UTC) + timedelta(seconds=delay_seconds) if delay_seconds else None
    return await queries.defer_procrastinate_job(
        QUEUE, name, json.dumps(payload), run_at, lock=dedupe_key
    )


def _job_task(app: procrastinate.App, spec: JobSpec) -> None:
    async def run(**payload: Any) -> None:
        await spec.handler(payload)

    app.task(
        name=spec.name, queue=QUEUE, retry=BackoffRetry(spec.max_attempts, spec.backoff_seconds)
    )(run)


def _periodic_task(app: procrastinate.App, task: PeriodicTask) -> None:
    async def run(timestamp: int) -> None:
        result = await task.run(datetime.fromtimestamp(timestamp, UTC))
        log.info("periodic task %s: %s", task.name, result)

    # A failing run is recorded by procrastinate and simply tried again next tick.
    app.periodic(cron=cron_for(task.every))(app.task(name=task.name, queue=QUEUE)(run))


def build_app(*, with_periodic: bool = True) -> procrastinate.App:
    """A procrastinate app with every registered job and periodic task (not yet opened)."""
    load_job_modules()
    connector = procrastinate.PsycopgConnector(
        conninfo=get_settings().resolved_database_url,
        min_size=1,
        max_size=4,
    )
    app = procrastinate.App(connector=connector)
    for spec in job_specs():
        _job_task(app, spec)
    if not with_periodic:
        return app
    for task in periodic_tasks():
        _periodic_task(app, task)

    async def retry_stalled(timestamp: int) -> None:
        stalled = await app.job_manager.get_stalled_jobs(
            seconds_since_heartbeat=STALLED_AFTER_SECONDS
        )
        for job in stalled:
            log.warning("job %s %s: its worker stopped; running it again", job.task_name, job.id)
            await app.job_manager.retry_job(job)

    app.periodic(cron=cron_for(timedelta(minutes=1)))(
        app.task(name=RETRY_STALLED, queue=QUEUE)(retry_stalled)
    )
    return app


@cache
def schema_sql() -> str:
    return SchemaManager.get_schema()


async def ensure_schema() -> bool:
    """Creates procrastinate's tables once (PostgreSQL only); True when it created them."""
    return await queries.create_procrastinate_schema(schema_sql())


_running_app: procrastinate.App | None = None


async def delete_finished_before(keep: timedelta) -> bool:
    """Deletes procrastinate's succeeded jobs older than ``keep``; False outside a worker."""
    if _running_app is None:
        return False
    hours = max(1, int(keep / timedelta(hours=1)))
    await _running_app.job_manager.delete_old_jobs(nb_hours=hours)
    return True


async def run_worker(processes: int, worker_name: str) -> None:
    """``doorstep worker`` in distributed mode: runs jobs until SIGINT or SIGTERM."""
    global _running_app
    app = build_app()
    async with app.open_async():
        _running_app = app
        log.info("worker %s started (procrastinate, %d at once)", worker_name, processes)
        try:
            await app.run_worker_async(
                name=worker_name, queues=[QUEUE], concurrency=processes,
                install_signal_handlers=True,
            )
        finally:
            _running_app = None


async def drain() -> None:
    """Runs every job that is due now, then returns; periodic tasks are left to workers."""
    app = build_app(with_periodic=False)
    async with app.open_async():
        await app.run_worker_async(
            queues=[QUEUE], wait=False, listen_notify=False, install_signal_handlers=False,
            concurrency=1,
        )
