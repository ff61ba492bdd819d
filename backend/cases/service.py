"""Device-side use cases of a case: create, edit, attach a document, submit.

Each runs in a sync write transaction (joining the caller's, e.g. a push) and writes the
case, its history and its change-log entries together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from backend.accounts.roles import Role
from backend.cases import queries
from backend.cases.blobs import blob_is_verified
from backend.cases.changes import case_put, document_put
from backend.cases.events import CaseEvent, emit
from backend.cases.fields import DOC_TYPES, missing_required, validate_fields
from backend.cases.merge import Editor, merge_fields
from backend.cases.models import Actor, CaseRecord, DocumentRecord, HistoryEntry
from backend.cases.policy import may_create, may_edit
from backend.cases.processing import status_after_submit
from backend.cases.status import (
    DEVICE_EDITABLE,
    SUBMITTABLE,
    CaseKind,
    CaseStatus,
    status_label,
)
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes


def now() -> datetime:
    return datetime.now(UTC)


def history(
    actor: Actor,
    case: CaseRecord,
    action: str,
    from_status: CaseStatus | None,
    reason: str | None = None,
) -> HistoryEntry:
    return HistoryEntry(
        case_id=case.id,
        at=case.updated_at,
        actor=actor.user.id,
        actor_name=actor.user.username,
        client_id=actor.client_id,
        action=action,
        from_status=str(from_status) if from_status else None,
        to_status=str(case.status),
        reason=reason,
    )


async def load_case(case_id: UUID) -> CaseRecord:
    case = await queries.case_by_id(case_id)
    if case is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="id")
    return case


async def load_editable(actor: Actor, case_id: UUID) -> CaseRecord:
    case = await load_case(case_id)
    if not may_edit(actor.user, case.parties):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if case.status not in DEVICE_EDITABLE:
        # Server decisions win: a device edit to a case under review or decided is refused.
        raise DoorstepError(
            ErrorCode.INVALID_STATE,
            f"案件当前状态为「{status_label(case.status)}」，不能在设备上修改",
            details={"status": str(case.status)},
        )
    return case


async def create_case(
    actor: Actor, case_id: UUID, kind: CaseKind, fields: Mapping[str, Any]
) -> CaseRecord:
    user = actor.user
    if not may_create(user, kind):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    clean = validate_fields(kind, fields)
    async with changes.write_transaction():
        at = now()
        values = {key: value for key, value in clean.items() if value is not None}
        meta = {key: {"v": 1, "c": actor.client_id, "u": user.username} for key in values}
        case = CaseRecord(
            id=case_id,
            kind=kind,
            status=CaseStatus.DRAFT,
            fields=values,
            field_meta=meta,
            conflicts=[],
            version=1,
            creator=user.id,
            assignee=user.id if user.role == Role.FIELD_STAFF else None,
            team_id=user.team_id,
            unit_id=user.unit_id if user.role == Role.EMPLOYER else None,
            created_at=at,
            updated_at=at,
        )
        if not await queries.insert_case(case):
            raise DoorstepError(ErrorCode.CONFLICT, "该案件编号已存在", field="id")
        await queries.insert_history(history(actor, case, "create", None))
        await changes.record([case_put(case)], at)
    return case


async def update_case(
    actor: Actor, case_id: UUID, fields: Mapping[str, Any], base_version: int | None = None
) -> CaseRecord:
    async with changes.write_transaction():
        case = await load_editable(actor, case_id)
        clean = validate_fields(case.kind, fields)
        at = now()
        merged = merge_fields(
            case.fields,
            case.field_meta,
            case.conflicts,
            clean,
            new_version=case.version + 1,
            editor=Editor(actor.user.username, actor.client_id, at.isoformat()),
            base_version=base_version,
        )
        if not merged.changed:
            return case
        updated = case.next(
            at, fields=merged.fields, field_meta=merged.field_meta, conflicts=merged.conflicts
        )
        await queries.save_case(updated)
        await changes.record([case_put(updated)], at)
    return updated


async def submit_case(actor: Actor, case_id: UUID) -> CaseRecord:
    async with changes.write_transaction():
        case = await load_editable(actor, case_id)
        if case.status not in SUBMITTABLE:
            raise DoorstepError(ErrorCode.INVALID_STATE, details={"status": str(case.status)})
        missing = missing_required(case.kind, case.fields)
        if missing:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED,
                f"提交前请填写：{'、'.join(missing)}",
                field=missing[0],
                details={"missing": missing},
            )
        updated = case.next(now(), status=CaseStatus.SUBMITTED)
        await queries.save_case(updated)
        await queries.insert_history(history(actor, updated, "submit", case.status))
        await changes.record([case_put(updated)], updated.updated_at)
        # Nothing left to read: straight to review. Verification is requested either way.
        return await status_after_submit(updated)


async def attach_document(
    actor: Actor, case_id: UUID, document_id: UUID, sha256: str, doc_type: str | None
) -> DocumentRecord:
    if doc_type is not None and doc_type not in DOC_TYPES:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "不认识的材料类型", field="docType")
    verified = await blob_is_verified(sha256)
    async with changes.write_transaction():
        case = await load_editable(actor, case_id)
        if await queries.document_by_id(document_id) is not None:
            raise DoorstepError(ErrorCode.CONFLICT, "该材料编号已存在", field="documentId")
        document = DocumentRecord(
            id=document_id,
            case_id=case.id,
            doc_type=doc_type,
            sha256=sha256,
            status="uploaded" if verified else "pending_upload",
            fields={},
            checks=[],
            version=1,
            created_at=now(),
        )
        await queries.insert_document(document)
        await changes.record([document_put(document, case)], document.created_at)
        if verified:  # file and attachment both present: read it in the background
            await emit(CaseEvent.DOCUMENT_PRESENT, document.id)
    return document


async def mark_blob_uploaded(sha256: str) -> int:
    """After an upload is verified: its pending documents become ``uploaded`` and are
    queued for reading (in the same transaction)."""
    async with changes.write_transaction():
        pending = await queries.documents_with_status(sha256, "pending_upload")
        cases = await queries.cases_by_ids([d.case_id for d in pending])
        entries = []
        for document in pending:
            done = replace(document, status="uploaded", version=document.version + 1)
            await queries.set_document_status(done)
            entries.append(document_put(done, cases[document.case_id]))
            await emit(CaseEvent.DOCUMENT_PRESENT, done.id)
        await changes.record(entries)
    return len(pending)

