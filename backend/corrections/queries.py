"""Every database query of the corrections domain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from piccolo.columns import Column

from backend.corrections.models import Correction
from backend.corrections.tables import FieldCorrection
from backend.db.rows import upsert


def _correction(row: dict[str, Any]) -> Correction:
    return Correction(
        document_id=row["document_id"], case_id=row["case_id"], doc_type=row["doc_type"],
        field=row["field"], case_field=row["case_field"], read_value=row["read_value"],
        corrected_value=row["corrected_value"], confidence=row["confidence"],
        flagged=bool(row["flagged"]), corrected_by=row["corrected_by"],
        corrected_by_name=row["corrected_by_name"], corrected_at=row["corrected_at"],
    )


async def corrections_of_case(case_id: UUID) -> dict[UUID, Correction]:
    rows = await FieldCorrection.select().where(FieldCorrection.case_id == case_id)
    return {row["id"]: _correction(row) for row in rows}


async def corrections_of_cases(case_ids: Sequence[UUID]) -> list[Correction]:
    if not case_ids:
        return []
    rows = await FieldCorrection.select().where(FieldCorrection.case_id.is_in(list(case_ids)))
    return [_correction(row) for row in rows]


async def all_corrections() -> list[Correction]:
    rows = await FieldCorrection.select().order_by(FieldCorrection.corrected_at)
    return [_correction(row) for row in rows]


async def save(correction: Correction) -> None:
    values: dict[Column, Any] = {
        FieldCorrection.document_id: correction.document_id,
        FieldCorrection.case_id: correction.case_id,
        FieldCorrection.doc_type: correction.doc_type,
        FieldCorrection.field: correction.field,
        FieldCorrection.case_field: correction.case_field,
        FieldCorrection.read_value: correction.read_value,
        FieldCorrection.corrected_value: correction.corrected_value,
        FieldCorrection.confidence: correction.confidence,
        FieldCorrection.flagged: correction.flagged,
        FieldCorrection.corrected_by: correction.corrected_by,
        FieldCorrection.corrected_by_name: correction.corrected_by_name,
        FieldCorrection.corrected_at: correction.corrected_at,
    }
    await upsert(FieldCorrection, correction.id, values)


async def withdraw(ids: Sequence[UUID]) -> None:
    if ids:
        await FieldCorrection.delete().where(FieldCorrection.id.is_in(list(ids)))
