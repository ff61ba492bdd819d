"""Use cases of the corrections domain.

``update_case`` is the ``updateCase`` mutator's use case: the case edit (cases domain) and
the corrections it makes to values read from documents, in one write transaction, so a
correction is recorded exactly when the edit is (a duplicate push records nothing twice).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases import service as cases
from backend.cases.fields import validate_fields
from backend.cases.models import Actor, CaseRecord
from backend.cases.status import CaseKind
from backend.corrections import queries
from backend.corrections.models import Correction, CorrectionRate, ReadDocument
from backend.corrections.rules import (
    Editor,
    Normalise,
    correction_rates,
    plan_corrections,
    truth_line,
)
from backend.documents import queries as documents
from backend.documents.case_fields import FIELD_MAP
from backend.documents.models import Reading
from backend.errors import DoorstepError, ErrorCode
from backend.settings import get_settings
from sync.changelog import changes

REVIEWERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _read_document(reading: Reading) -> ReadDocument | None:
    doc_type = reading.declared_type or reading.detected_type
    if not doc_type:
        return None
    return ReadDocument(
        document_id=reading.document_id, doc_type=doc_type,
        fields=dict(reading.result.get("fields") or {}),
        confidence={k: float(v) for k, v in (reading.result.get("confidence") or {}).items()},
        result=reading.result, sha256=reading.sha256,
    )


def _normaliser(kind: CaseKind) -> Normalise:
    def normalise(case_key: str, value: str) -> str | None:
        try:
            clean = validate_fields(kind, {case_key: value}).get(case_key)
        except DoorstepError:
            return None
        return clean if isinstance(clean, str) else None

    return normalise


async def update_case(
    actor: Actor, case_id: UUID, fields: Mapping[str, Any], base_version: int | None = None,
) -> CaseRecord:
    async with changes.write_transaction():
        before = await cases.load_case(case_id)
        updated = await cases.update_case(actor, case_id, fields, base_version=base_version)
        if updated.version == before.version:
            return updated
        changed = [k for k in set(before.fields) | set(updated.fields)
                   if before.fields.get(k) != updated.fields.get(k)]
        readings = [r for r in map(_read_document,
                                   await documents.processed_readings_of_case(case_id)) if r]
        if not changed or not readings:
            return updated
        plan = plan_corrections(
            case_id=case_id, field_map=FIELD_MAP.get(str(updated.kind), {}),
            before=before.fields, after=updated.fields, changed=changed, readings=readings,
            existing=await queries.corrections_of_case(case_id),
            normalise=_normaliser(updated.kind),
            threshold=get_settings().confidence_threshold,
            editor=Editor(actor.user.id, actor.user.username, updated.updated_at),
        )
        for correction in plan.save:
            await queries.save(correction)
        await queries.withdraw(plan.withdraw)
    return updated


def _require_reviewer(user: UserRecord) -> None:
    if user.role not in REVIEWERS:
        raise DoorstepError(ErrorCode.FORBIDDEN)


async def rates(user: UserRecord) -> list[CorrectionRate]:
    """The correction rate per document type and field (supervisors and admins)."""
    _require_reviewer(user)
    return correction_rates(await documents.read_field_counts(), await queries.all_corrections())


async def export_lines() -> list[dict[str, Any]]:
    """Every corrected document as a ``truth.jsonl`` line (file: ``<sha256>.jpg``, the
    photo as stored under the blob store's hash)."""
    by_document: dict[UUID, list[Correction]] = {}
    for c in await queries.all_corrections():
        by_document.setdefault(c.document_id, []).append(c)
    readings = await documents.readings_by_ids(list(by_document))
    lines = []
    for document_id, corrections in by_document.items():
        stored = readings.get(document_id)
        read = _read_document(stored) if stored else None
        if read is not None:
            lines.append(truth_line(read, corrections, f"{read.sha256}.jpg"))
    return lines
