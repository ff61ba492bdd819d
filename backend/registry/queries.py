"""Every database query of the registry domain."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.registry.breaker import Call
from backend.registry.models import QueryRecord
from backend.registry.sources import Source
from backend.registry.tables import RegistryCall, RegistryQuery, RegistryResult


def _query(row: dict[str, Any]) -> QueryRecord:
    return QueryRecord(**{**row, "source": Source(row["source"])})


async def insert_query(query: QueryRecord) -> None:
    await RegistryQuery.insert(RegistryQuery(**{**_columns(query), "id": query.id}))


def _columns(query: QueryRecord) -> dict[str, Any]:
    return {
        "case_id": query.case_id, "source": str(query.source), "purpose": query.purpose,
        "actor_id": query.actor_id, "actor_name": query.actor_name, "trigger": query.trigger,
        "status": query.status, "at": query.at, "finished_at": query.finished_at,
        "attempts": query.attempts, "next_attempt_at": query.next_attempt_at,
        "last_error": query.last_error, "result_sha256": query.result_sha256,
        "consent_sha256": query.consent_sha256,
    }


async def save_query(query: QueryRecord) -> None:
    values = {getattr(RegistryQuery, k): v for k, v in _columns(query).items()}
    await RegistryQuery.update(values).where(RegistryQuery.id == query.id)


async def query_by_id(query_id: UUID) -> QueryRecord | None:
    row = await RegistryQuery.select().where(RegistryQuery.id == query_id).first()
    return _query(row) if row else None


async def queries_of_case(case_id: UUID) -> list[QueryRecord]:
    rows = await RegistryQuery.select().where(RegistryQuery.case_id == case_id).order_by(
        RegistryQuery.at, ascending=False
    )
    return [_query(r) for r in rows]


async def latest_queries(
    case_id: UUID | None, actor_id: UUID | None, limit: int
) -> list[QueryRecord]:
    query = RegistryQuery.select()
    if case_id is not None:
        query = query.where(RegistryQuery.case_id == case_id)
    if actor_id is not None:
        query = query.where(RegistryQuery.actor_id == actor_id)
    rows = await query.order_by(RegistryQuery.at, ascending=False).limit(limit)
    return [_query(r) for r in rows]


async def pending_due(before: datetime, limit: int = 200) -> list[QueryRecord]:
    rows = await RegistryQuery.select().where(
        (RegistryQuery.status == "pending") & (RegistryQuery.next_attempt_at < before)
    ).limit(limit)
    return [_query(r) for r in rows]


async def save_result(
    query: QueryRecord, result: dict[str, Any], expires_at: datetime
) -> None:
    await RegistryResult.insert(
        RegistryResult(query_id=query.id, case_id=query.case_id, source=str(query.source),
                       result=json.dumps(result, ensure_ascii=False), expires_at=expires_at)
    )


async def results_of(query_ids: Sequence[UUID]) -> dict[UUID, dict[str, Any]]:
    if not query_ids:
        return {}
    rows = await RegistryResult.select(RegistryResult.query_id, RegistryResult.result).where(
        RegistryResult.query_id.is_in(list(query_ids))
    )
    return {r["query_id"]: json.loads(r["result"]) for r in rows}


async def delete_results_before(moment: datetime) -> int:
    gone = await RegistryResult.delete().where(RegistryResult.expires_at < moment).returning(
        RegistryResult.query_id
    )
    return len(gone)


async def record_call(source: Source, call: Call) -> None:
    await RegistryCall.insert(
        RegistryCall(source=str(source), at=call.at, ok=call.ok, latency_ms=call.latency_ms,
                     error=(call.error or "")[:200])
    )


async def calls_of(source: Source, since: datetime | None, limit: int) -> list[Call]:
    query = RegistryCall.select().where(RegistryCall.source == str(source))
    if since is not None:
        query = query.where(RegistryCall.at >= since)
    rows = await query.order_by(RegistryCall.id, ascending=False).limit(limit)
    return [Call(r["at"], r["ok"], r["latency_ms"], r["error"] or None) for r in rows]


async def delete_calls_before(moment: datetime) -> int:
    gone = await RegistryCall.delete().where(RegistryCall.at < moment).returning(RegistryCall.id)
    return len(gone)
