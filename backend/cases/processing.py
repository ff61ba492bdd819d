"""Case-level effects of reading documents: status moves, filling empty fields.

Called by the documents domain's job inside its write transaction; each change writes the
case, its history and its change-log entries together, like the device-side use cases.
Server steps are recorded with the system actor (nil UUID, name ``system``): no person
did them, and no real user can ever have that id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from backend.cases import progress, queries
from backend.cases.changes import case_put, document_put
from backend.cases.events import CaseEvent, emit
from backend.cases.fields import validate_fields
from backend.cases.models import CaseRecord, DocumentRecord, HistoryEntry
from backend.cases.status import CaseStatus
from backend.errors import DoorstepError
from sync.changelog import changes

SYSTEM_ACTOR_ID = UUID(int=0)
SYSTEM_ACTOR_NAME = "system"


def now() -> datetime:
    return datetime.now(UTC)


def system_history(
    case: CaseRecord, action: str, from_status: CaseStatus, reason: str | None = None
) -> HistoryEntry:
    return HistoryEntry(
        case_id=case.id,
        at=case.updated_at,
        actor=SYSTEM_ACTOR_ID,
        actor_name=SYSTEM_ACTOR_NAME,
        client_id=None,
        action=action,
        from_status=str(from_status),
        to_status=str(case.status),
        reason=reason,
    )


async def _move(case: CaseRecord, status: CaseStatus, action: str) -> CaseRecord:
    if status == case.status:
        return case
    moved = case.next(now(), status=status)
    await queries.save_case(moved)
    await queries.insert_history(system_history(moved, action, case.status))
    await changes.record([case_put(moved)], moved.updated_at)
    return moved


@dataclass(frozen=True, slots=True)
class Started:
    document: DocumentRecord
    case: CaseRecord


async def start_reading(document_id: UUID) -> Started | None:
    """A document waiting to be read: its submitted case becomes ``processing``.
    None when there is nothing to read (gone, or already read: the job ran before)."""
    async with changes.write_transaction():
        document = await queries.document_by_id(document_id)
        if document is None or document.status != "uploaded":
            return None
        case = await queries.case_by_id(document.case_id)
        if case is None:
            return None
        case = await _move(case, progress.when_reading_starts(case.status), "process")
    return Started(document, case)


def _fillable(case: CaseRecord, values: Mapping[str, str]) -> dict[str, str]:
    """The read values the case's field formats accept (a misread ID is left out)."""
    accepted: dict[str, str] = {}
    for key, value in values.items():
        try:
            clean = validate_fields(case.kind, {key: value}).get(key)
        except DoorstepError:
            continue
        if clean:
            accepted[key] = clean
    return accepted


async def finish_reading(
    document: DocumentRecord,
    *,
    status: str,
    doc_type: str | None,
    fields: dict[str, Any],
    checks: list[dict[str, Any]],
    fills: Mapping[str, str],
    reading: Mapping[str, Any] | None = None,
) -> tuple[DocumentRecord, CaseRecord] | None:
    """Stores a document's reading (``processed`` or ``failed``), fills the case's empty
    fields with ``fills``, and moves the case on once none of its documents waits.
    ``reading`` (confidences, quality, preprocessing) goes to devices with the document.
    Joins the caller's write transaction. None if the document was read meanwhile."""
    async with changes.write_transaction():
        current = await queries.document_by_id(document.id)
        case = await queries.case_by_id(document.case_id)
        if current is None or case is None or current.status != "uploaded":
            return None
        done = replace(
            current,
            status=status,
            doc_type=current.doc_type or doc_type,
            fields=fields,
            checks=checks,
            version=current.version + 1,
        )
        await queries.save_document(done)
        at = now()
        entries = [document_put(done, case, reading)]
        added = {
            k: v for k, v in _fillable(case, fills).items() if not case.fields.get(k)
        } if progress.may_fill_fields(case.status) else {}
        if added:
            version = case.version + 1
            meta = {k: {"v": version, "c": None, "u": SYSTEM_ACTOR_NAME} for k in added}
            case = case.next(
                at, fields={**case.fields, **added}, field_meta={**case.field_meta, **meta}
            )
            await queries.save_case(case)
            entries.append(case_put(case))
        await changes.record(entries, at)
        statuses = [d.status for d in await queries.documents_of([case.id])]
        case = await _move(case, progress.when_document_done(case.status, statuses), "processed")
        if case.status != CaseStatus.DRAFT:
            await emit(CaseEvent.READY_FOR_CHECKS, case.id)
    return done, case


async def status_after_submit(case: CaseRecord) -> CaseRecord:
    """Right after a submission: straight to ``needs_review`` when no document waits."""
    statuses = [d.status for d in await queries.documents_of([case.id])]
    case = await _move(case, progress.after_submit(statuses), "processed")
    await emit(CaseEvent.READY_FOR_CHECKS, case.id)
    return case
