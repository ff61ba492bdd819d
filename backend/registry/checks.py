"""The automatic checks and the registry's flags on a case (registered with verification).

Each verification of a case asks :func:`registry_flags`: once the case has reached
processing, the sources its business type needs (those with a gateway configured) that
were never asked are queued (job
``registry.run_query``, never blocking anyone); then every source's latest query gives
flags: a done one the comparison of its result with the papers as they stand now, a pending
one ``REGISTRY_UNAVAILABLE`` (info) until it is answered."""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

from backend.cases import queries as cases
from backend.registry import compare, queries
from backend.registry.execution import now, schedule
from backend.registry.models import SYSTEM_ACTOR_ID, SYSTEM_ACTOR_NAME, QueryRecord
from backend.registry.records import RegistryResult
from backend.registry.rules import SignedDocument, credit_consent
from backend.registry.sources import Source, needed_sources
from backend.settings import get_settings
from backend.verification.models import CaseSnapshot

CHECKED_STATUSES = frozenset({"processing", "needs_review"})
AUTOMATIC_PURPOSE = "受理核验：{label}（系统自动，案件进入处理）"


async def consent_of(case_id: UUID, fields: dict[str, Any]) -> str | None:
    documents = await cases.documents_of([case_id])
    return credit_consent(fields, [SignedDocument(d.sha256, d.status) for d in documents])


async def start_checks(case_id: UUID) -> list[dict[str, Any]]:
    """Queues the needed sources never asked for this case; returns info flags for those
    that cannot be asked yet (credit without the member's signed authorisation)."""
    case = await cases.case_by_id(case_id)
    if case is None or str(case.status) not in CHECKED_STATUSES:
        return []
    settings = get_settings()
    needed = [s for s in needed_sources(str(case.kind), case.fields)
              if settings.registry_url_for(str(s))]  # a source not connected is not checked
    if not needed:
        return []
    asked = {q.source for q in await queries.queries_of_case(case_id)}
    waiting: list[dict[str, Any]] = []
    for source in needed:
        if source in asked:
            continue
        consent = ""
        if source == Source.CREDIT:
            consent = await consent_of(case_id, case.fields) or ""
            if not consent:
                waiting.append(compare.unavailable(source, "consent_missing", None))
                continue
        query = QueryRecord(
            id=uuid.uuid4(), case_id=case_id, source=source,
            purpose=AUTOMATIC_PURPOSE.format(label=source.label), actor_id=SYSTEM_ACTOR_ID,
            actor_name=SYSTEM_ACTOR_NAME, trigger="automatic", status="pending", at=now(),
            next_attempt_at=now(), consent_sha256=consent,
        )
        await queries.insert_query(query)
        await schedule(query, 0.0)
    return waiting


async def flags_from_queries(snapshot: CaseSnapshot) -> list[dict[str, Any]]:
    latest: dict[Source, QueryRecord] = {}
    for query in await queries.queries_of_case(UUID(snapshot.id)):  # newest first
        if query.source not in latest and query.status != "failed":
            latest[query.source] = query
    results = await queries.results_of([q.id for q in latest.values() if q.status == "done"])
    flags: list[dict[str, Any]] = []
    for source in Source:
        found = latest.get(source)
        if found is None:
            continue
        query = found
        if query.status == "pending":
            retry = query.next_attempt_at.isoformat() if query.next_attempt_at else None
            flags.append(compare.unavailable(source, query.last_error or "pending", retry))
        elif query.id in results:  # done and still kept (results expire, the audit stays)
            result = RegistryResult.from_json(results[query.id])
            flags += compare.compare(snapshot, result, str(query.id))
    return flags


async def registry_flags(snapshot: CaseSnapshot) -> list[dict[str, Any]]:
    waiting = await start_checks(UUID(snapshot.id))
    return [*await flags_from_queries(snapshot), *waiting]
