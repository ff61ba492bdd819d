"""Use cases: a person queries a source for a case; the queries of a case (its audit); the
sources' health. Only :func:`query_shared_data` starts a query on request."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases import queries as cases
from backend.cases.policy import may_see
from backend.errors import DoorstepError, ErrorCode
from backend.registry import compare, queries
from backend.registry.breaker import Health, health
from backend.registry.calls import breaker_of
from backend.registry.checks import consent_of
from backend.registry.execution import execute, now
from backend.registry.models import Outcome, QueryRecord
from backend.registry.records import RegistryResult
from backend.registry.rules import clean_purpose, refusal
from backend.registry.sources import Source
from backend.settings import get_settings
from backend.throttling.rules import Limit
from backend.throttling.service import count_request
from backend.verification.service import case_snapshot

HEALTH_WINDOW = timedelta(minutes=15)
MAX_LIST = 200


async def _authorised(user: UserRecord, case_id: UUID, source: Source, purpose: str) -> str:
    """The consent used (credit), after every rule of querying passed."""
    settings = get_settings()
    case = await cases.case_by_id(case_id)
    if case is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="caseId")
    why = refusal(user, source, case.parties, settings.registry_roles_for(str(source)))
    if why is not None:
        raise DoorstepError(ErrorCode.FORBIDDEN, details={"reason": why, "source": str(source)})
    if clean_purpose(purpose) is None:
        raise DoorstepError(ErrorCode.REGISTRY_PURPOSE_REQUIRED, field="purpose")
    consent = ""
    if source == Source.CREDIT:
        consent = await consent_of(case_id, case.fields) or ""
        if not consent:
            raise DoorstepError(ErrorCode.REGISTRY_CONSENT_MISSING, field="source")
    await count_request(
        "registry.query",
        {"user": str(user.id)},
        {"user": Limit(settings.registry_user_max_queries, settings.registry_user_window_seconds)},
    )
    return consent


async def query_shared_data(
    user: UserRecord, case_id: UUID, source: Source, purpose: str
) -> Outcome:
    consent = await _authorised(user, case_id, source, purpose)
    query = QueryRecord(
        id=uuid.uuid4(), case_id=case_id, source=source, purpose=clean_purpose(purpose) or "",
        actor_id=user.id, actor_name=user.username, trigger="manual", status="pending",
        at=now(), next_attempt_at=now(), consent_sha256=consent,
    )
    await queries.insert_query(query)  # recorded before anything goes out
    ran = await execute(query.id) or query
    return await outcome(ran)


async def outcome(query: QueryRecord) -> Outcome:
    if query.status != "done":
        return Outcome(query, None, [])
    stored = (await queries.results_of([query.id])).get(query.id)
    if stored is None:
        return Outcome(query, None, [])
    result = RegistryResult.from_json(stored)
    flags = compare.compare(await case_snapshot(query.case_id), result, str(query.id))
    return Outcome(query, stored, flags)


async def list_queries(user: UserRecord, case_id: UUID | None, first: int) -> list[QueryRecord]:
    """A case's queries for whoever may see the case; without a case, admins see every
    query and others the ones they made."""
    limit = max(1, min(first, MAX_LIST))
    if case_id is not None:
        case = await cases.case_by_id(case_id)
        if case is None:
            raise DoorstepError(ErrorCode.NOT_FOUND, field="caseId")
        if not may_see(user, case.parties):
            raise DoorstepError(ErrorCode.FORBIDDEN)
        return await queries.latest_queries(case_id, None, limit)
    actor = None if user.role == Role.ADMIN else user.id
    return await queries.latest_queries(None, actor, limit)


@dataclass(frozen=True, slots=True)
class SourceHealth:
    source: Source
    configured: bool
    breaker: str
    retry_at: datetime | None
    health: Health


async def sources_health() -> list[SourceHealth]:
    settings = get_settings()
    rows = []
    for source in Source:
        calls = await queries.calls_of(source, now() - HEALTH_WINDOW, 1000)
        state = await breaker_of(source)
        rows.append(SourceHealth(
            source, bool(settings.registry_url_for(str(source))), state.state, state.retry_at,
            health(calls, state),
        ))
    return rows
