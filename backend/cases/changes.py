"""The change-log entries a case change produces (pure).

Pull sends a case as entity ``case`` and each attached document as entity ``document``
(with ``caseId``); both are addressed to the case's audience. When the parties change (a
reassignment), whoever no longer sees the case gets a ``delete`` for it and its documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from backend.cases.masking import mask_fields
from backend.cases.models import CaseRecord, DocumentRecord
from backend.cases.policy import audience_of
from sync.changelog.audience import lost_audience
from sync.changelog.storage import NewChange

CASE_ENTITY = "case"
DOCUMENT_ENTITY = "document"

_decode = msgspec.json.Decoder().decode


def case_data(case: CaseRecord) -> dict[str, Any]:
    return {
        "id": str(case.id),
        "kind": str(case.kind),
        "status": str(case.status),
        "fields": case.fields,
        "conflicts": case.conflicts,
        "version": case.version,
        "creator": str(case.creator),
        "assignee": str(case.assignee) if case.assignee else None,
        "updatedAt": case.updated_at.isoformat(),
        "practice": case.practice,
    }


def case_data_of_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`case_data` from a full sync's row (``queries.snapshot_cases``: ids as text,
    JSON columns as stored): a 10,000-case sync makes no record, enum or UUID per case."""
    return {
        "id": row["id"],
        "kind": row["kind"],
        "status": row["status"],
        "fields": _decode(row["fields"]),
        "conflicts": _decode(row["conflicts"]),
        "version": row["version"],
        "creator": row["creator"],
        "assignee": row["assignee"] or None,
        "updatedAt": row["updated_at"].isoformat(),
        "practice": bool(row["practice"]),
    }


def document_data(
    document: DocumentRecord, reading: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A document as devices receive it. ``reading`` is what the server's reading of the
    photo says about itself (see ``backend.documents.result.device_reading``): per-field
    confidence, photo quality and the preprocessing applied; empty until it was read."""
    reading = reading or {}
    return {
        "id": str(document.id),
        "caseId": str(document.case_id),
        "docType": document.doc_type,
        "sha256": document.sha256,
        "status": document.status,
        "fields": document.fields,
        "checks": document.checks,
        "confidence": dict(reading.get("confidence") or {}),
        "quality": reading.get("quality"),
        "preprocessing": reading.get("preprocessing"),
        "needsCheck": list(reading.get("needsCheck") or []),
        "unread": list(reading.get("unread") or []),
    }


def masked_for_reader(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """Case data as a reader without the right to full identity numbers receives it."""
    if entity in (CASE_ENTITY, DOCUMENT_ENTITY) and isinstance(data.get("fields"), dict):
        return {**data, "fields": mask_fields(data["fields"])}
    return data


def case_put(case: CaseRecord) -> NewChange:
    return NewChange(
        CASE_ENTITY, str(case.id), "put", case.version, case_data(case), audience_of(case.parties)
    )


def document_put(
    document: DocumentRecord, case: CaseRecord, reading: Mapping[str, Any] | None = None
) -> NewChange:
    return NewChange(
        DOCUMENT_ENTITY,
        str(document.id),
        "put",
        document.version,
        document_data(document, reading),
        audience_of(case.parties),
    )


def revocations(
    before: CaseRecord, after: CaseRecord, documents: list[DocumentRecord]
) -> list[NewChange]:
    lost = lost_audience(audience_of(before.parties), audience_of(after.parties))
    if lost is None:
        return []
    deletes = [NewChange(CASE_ENTITY, str(after.id), "delete", after.version, None, lost)]
    deletes += [
        NewChange(DOCUMENT_ENTITY, str(d.id), "delete", d.version, None, lost) for d in documents
    ]
    return deletes
