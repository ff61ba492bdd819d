"""Running one recorded query: call the source, keep the result for the retention period,
audit it, and have the case verified again so its flags follow. A source that does not
answer leaves the query pending and tries again later (backoff; the breaker's reopening)."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import AuditRecord
from backend.cases import queries as cases
from backend.jobs.backoff import retry_delay_seconds
from backend.jobs.queue import enqueue
from backend.registry import queries
from backend.registry.calls import call_registry
from backend.registry.connectors import RegistryUnavailableError
from backend.registry.models import QueryRecord
from backend.settings import get_settings
from backend.verification.jobs import request_verification
from sync.changelog import changes

log = logging.getLogger("doorstep.registry")
RUN_QUERY = "registry.run_query"
AUDIT_ACTION = "shared_data_query"


def now() -> datetime:
    return datetime.now(UTC)


def result_hash(result: dict[str, Any]) -> str:
    canonical = json.dumps(result, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def schedule(query: QueryRecord, delay_seconds: float) -> None:
    """One job per attempt of a pending query (the key names the attempt)."""
    await enqueue(
        RUN_QUERY,
        {"queryId": str(query.id)},
        delay_seconds=max(0.0, delay_seconds),
        dedupe_key=f"{RUN_QUERY}:{query.id}:{query.attempts}",
    )


async def _audit(query: QueryRecord) -> None:
    detail = (f"{query.source} {query.status} {query.trigger} sha256={query.result_sha256[:16]} "
              f"purpose={query.purpose}")
    await accounts.append_audit(AuditRecord(
        at=query.finished_at or now(), actor_id=query.actor_id, actor_name=query.actor_name,
        device=None, action=AUDIT_ACTION, case_id=query.case_id, detail=detail[:200],
    ))


async def _finish(query: QueryRecord, result: dict[str, Any] | None, error: str = "") -> None:
    async with changes.write_transaction():
        await queries.save_query(query)
        if result is not None:
            days = get_settings().registry_retention_days
            await queries.save_result(query, result, now() + timedelta(days=days))
        await _audit(query)
        await request_verification(query.case_id)
    log.info("registry query %s %s %s %s", query.id, query.source, query.status, error)


async def execute(query_id: UUID) -> QueryRecord | None:
    """Runs a pending query once; returns it as it stands afterwards."""
    query = await queries.query_by_id(query_id)
    if query is None or query.status != "pending":
        return query
    case = await cases.case_by_id(query.case_id)
    id_number = str(case.fields.get("id_number") or "") if case else ""
    name = str(case.fields.get("name") or "") if case else ""
    attempts = query.attempts + 1
    if not id_number or not name:
        failed = query.but(status="failed", attempts=attempts, finished_at=now(),
                           last_error="case has no name or ID number", next_attempt_at=None)
        await _finish(failed, None)
        return failed
    try:
        answer = await call_registry(query.source, id_number, name, query.purpose)
    except RegistryUnavailableError as error:
        return await _not_answered(query.but(attempts=attempts), error)
    result = answer.to_json()
    done = query.but(status="done", attempts=attempts, finished_at=now(), next_attempt_at=None,
                     result_sha256=result_hash(result), last_error="")
    await _finish(done, result)
    return done


async def _not_answered(query: QueryRecord, error: RegistryUnavailableError) -> QueryRecord:
    message = f"{error.reason}: {error.detail}"[:200]
    if not error.retryable:
        failed = query.but(status="failed", finished_at=now(), last_error=message,
                           next_attempt_at=None)
        await _finish(failed, None, message)
        return failed
    delay = retry_delay_seconds(query.attempts, get_settings().registry_retry_seconds, cap=1800)
    if error.retry_at is not None:
        delay = max(delay, (error.retry_at - now()).total_seconds())
    waiting = query.but(last_error=message, next_attempt_at=now() + timedelta(seconds=delay))
    async with changes.write_transaction():
        await queries.save_query(waiting)
        await schedule(waiting, delay)
        if query.attempts == 1:  # the case shows REGISTRY_UNAVAILABLE from now on
            await request_verification(query.case_id)
    log.info("registry query %s %s not answered (%s); again in %.0fs",
             query.id, query.source, message, delay)
    return waiting
