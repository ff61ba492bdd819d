"""Jobs of the registry domain (listed in ``backend.jobs.registry.JOB_MODULES``): running a
query, re-queuing pending queries whose job was lost, and deleting results past retention
(the audit of the queries stays). Importing this module also registers the registry's flags
with verification (``backend.verification.external``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from backend.jobs.registry import job
from backend.jobs.schedule import periodic
from backend.registry import queries
from backend.registry.checks import registry_flags
from backend.registry.execution import RUN_QUERY, execute, schedule
from backend.verification.external import register_flag_source

KEEP_CALLS = timedelta(days=2)
LOST_AFTER = timedelta(minutes=10)

register_flag_source("registry", registry_flags)


@job(RUN_QUERY, max_attempts=3, backoff_seconds=10.0)
async def run_query_job(payload: dict[str, Any]) -> None:
    await execute(UUID(payload["queryId"]))


@periodic("registry.requeue_pending", every=timedelta(minutes=5))
async def requeue_pending(now: datetime) -> str:
    """A pending query whose next attempt is long overdue lost its job (a crash): queue it."""
    overdue = await queries.pending_due(now - LOST_AFTER)
    for query in overdue:
        await schedule(query.but(attempts=query.attempts + 1000), 0.0)
    return f"re-queued {len(overdue)} overdue registry queries"


@periodic("registry.delete_expired", every=timedelta(hours=6))
async def delete_expired(now: datetime) -> str:
    results = await queries.delete_results_before(now)
    calls = await queries.delete_calls_before(now - KEEP_CALLS)
    return f"deleted {results} registry results past retention and {calls} old call records"
