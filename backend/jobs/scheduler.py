"""Runs due periodic tasks, one runner per period across every worker loop and process.

Each task has a row in ``scheduled_task``. A worker loop that finds it due claims it with
one conditional UPDATE that moves ``next_run_at`` a period on and takes a lease; only one
claimer's UPDATE matches, so two workers (embedded in two app processes, or several
``doorstep worker`` processes) never both run it. The period counts from the start of a
run. A runner that crashes keeps the lease until it ends; the task is then due again.
A failing run is logged and recorded, and tried again next period.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from backend.jobs import queries
from backend.jobs.schedule import PeriodicTask, periodic_tasks

log = logging.getLogger("doorstep.jobs")
LEASE = timedelta(minutes=30)


async def run_due_tasks(
    worker: str, now: datetime | None = None, tasks: Iterable[PeriodicTask] | None = None
) -> list[str]:
    """Claims and runs every due task this worker wins; returns the names it ran."""
    ran: list[str] = []
    for task in periodic_tasks() if tasks is None else tasks:
        at = now or datetime.now(UTC)
        await queries.ensure_scheduled(task.name, first_run_at=at)
        if not await queries.try_claim_scheduled(
            task.name, worker, at, next_run_at=at + task.every, lease_until=at + LEASE
        ):
            continue
        try:
            result = await task.run(at)
        except Exception as error:  # recorded, and due again next period
            log.exception("periodic task %s failed", task.name)
            result = f"failed: {type(error).__name__}: {error}"
        else:
            log.info("periodic task %s: %s", task.name, result)
        await queries.finish_scheduled(task.name, worker, datetime.now(UTC), result)
        ran.append(task.name)
    return ran
