"""The job queue's own housekeeping: finished jobs are kept a week for inspection, then go."""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.jobs import distributed, queries
from backend.jobs.schedule import periodic

KEEP_FINISHED = timedelta(days=7)


@periodic("jobs.delete_finished", every=timedelta(hours=24))
async def delete_finished_jobs(now: datetime) -> str:
    removed = await queries.delete_finished_before(now - KEEP_FINISHED)
    if await distributed.delete_finished_before(KEEP_FINISHED):
        return f"deleted {removed} finished jobs here and procrastinate's older than a week"
    return f"deleted {removed} finished jobs"
