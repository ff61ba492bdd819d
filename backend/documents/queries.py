"""Every database query of the documents domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec
from piccolo.columns import Column

from backend.db.rows import upsert
from backend.documents.models import Reading
from backend.documents.tables import DocumentReading

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


def _reading(row: dict[str, Any]) -> Reading:
    return Reading(
        document_id=row["document_id"],
        case_id=row["case_id"],
        sha256=row["sha256"],
        declared_type=row["declared_type"],
        detected_type=row["detected_type"],
        status=row["status"],
        attempts=int(row["attempts"]),
        result=_decode(row["result"]),
        case_checks=_decode(row["case_checks"]),
        error_code=row["error_code"],
        error_message=row["error_message"],
        updated_at=row["updated_at"],
    )


async def reading_of(document_id: UUID) -> Reading | None:
    row = await DocumentReading.select().where(
        DocumentReading.document_id == document_id
    ).first()
    return _reading(row) if row else None


async def save_reading(reading: Reading) -> None:
    values: dict[Column, Any] = {
        DocumentReading.case_id: reading.case_id,
        DocumentReading.sha256: reading.sha256,
        DocumentReading.declared_type: reading.declared_type,
        DocumentReading.detected_type: reading.detected_type,
        DocumentReading.status: reading.status,
        DocumentReading.attempts: reading.attempts,
        DocumentReading.result: _encode(reading.result).decode(),
        DocumentReading.case_checks: _encode(reading.case_checks).decode(),
        DocumentReading.error_code: reading.error_code,
        DocumentReading.error_message: reading.error_message,
        DocumentReading.updated_at: reading.updated_at,
    }
    await upsert(DocumentReading, reading.document_id, values)


async def device_readings(document_ids: Sequence[UUID]) -> dict[UUID, dict[str, Any]]:
    """For the sync entity ``document``: confidences, quality and preprocessing of each
    processed document among ``document_ids`` (others are left out)."""
    from backend.documents.result import device_reading

    if not document_ids:
        return {}
    rows = await DocumentReading.select(DocumentReading.document_id, DocumentReading.result).where(
        DocumentReading.document_id.is_in(list(document_ids))
        & (DocumentReading.status == "processed")
    )
    return {row["document_id"]: device_reading(_decode(row["result"])) for row in rows}


async def readings_of_case(case_id: UUID) -> list[Reading]:
    rows = await DocumentReading.select().where(DocumentReading.case_id == case_id).order_by(
        DocumentReading.updated_at
    )
    return [_reading(row) for row in rows]


async def processed_readings_of_case(case_id: UUID) -> list[Reading]:
    return [r for r in await readings_of_case(case_id) if r.status == "processed"]


async def processed_readings_of_cases(case_ids: Sequence[UUID]) -> list[Reading]:
    if not case_ids:
        return []
    rows = await DocumentReading.select().where(
        DocumentReading.case_id.is_in(list(case_ids)) & (DocumentReading.status == "processed")
    )
    return [_reading(row) for row in rows]


async def readings_by_ids(document_ids: Sequence[UUID]) -> dict[UUID, Reading]:
    if not document_ids:
        return {}
    rows = await DocumentReading.select().where(
        DocumentReading.document_id.is_in(list(document_ids))
    )
    return {row["document_id"]: _reading(row) for row in rows}


async def read_field_counts() -> dict[tuple[str, str], int]:
    """How many values of each (document type, field) were read, over processed readings."""
    rows = await DocumentReading.select(
        DocumentReading.declared_type, DocumentReading.detected_type, DocumentReading.result
    ).where(DocumentReading.status == "processed")
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        doc_type = row["declared_type"] or row["detected_type"]
        if not doc_type:
            continue
        for name in _decode(row["result"]).get("fields") or {}:
            counts[(doc_type, name)] = counts.get((doc_type, name), 0) + 1
    return counts


async def readings_finished_since(since: datetime) -> tuple[int, datetime | None]:
    """How many documents were read (or given up on) since ``since``, and when the first
    of them finished: the recent OCR throughput. (Not MIN(): SQLite would give it as text.)"""
    recent = (DocumentReading.updated_at >= since) & DocumentReading.status.is_in(
        ["processed", "failed"]
    )
    first = await DocumentReading.select(DocumentReading.updated_at).where(recent).order_by(
        DocumentReading.updated_at
    ).first()
    if first is None:
        return 0, None
    return await DocumentReading.count().where(recent), first["updated_at"]
