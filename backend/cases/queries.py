"""Every database query of the cases domain."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import datetime
from functools import reduce
from typing import Any
from uuid import UUID

import msgspec
from piccolo.columns import Varchar
from piccolo.query.functions import Cast

from backend.cases import events
from backend.cases.models import CaseFilter, CaseRecord, DocumentRecord, HistoryEntry
from backend.cases.status import CaseKind, CaseStatus
from backend.cases.tables import Case, CaseDocument, CaseHistory
from backend.db.rows import insert_rows
from sync.changelog.audience import Scope

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


def _json(value: Any) -> str:
    return _encode(value).decode()


def _case(row: dict[str, Any]) -> CaseRecord:
    return CaseRecord(
        id=row["id"],
        kind=CaseKind(row["kind"]),
        status=CaseStatus(row["status"]),
        fields=_decode(row["fields"]),
        field_meta=_decode(row["field_meta"]) if "field_meta" in row else {},
        conflicts=_decode(row["conflicts"]),
        version=int(row["version"]),
        creator=row["creator"],
        assignee=row["assignee"],
        team_id=row["team"],
        unit_id=row["unit"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        practice=bool(row.get("practice", False)),
    )


def _case_columns(case: CaseRecord) -> dict[str, Any]:
    return {
        "id": case.id,
        "kind": str(case.kind),
        "status": str(case.status),
        "fields": _json(case.fields),
        "field_meta": _json(case.field_meta),
        "conflicts": _json(case.conflicts),
        "version": case.version,
        "creator": case.creator,
        "assignee": case.assignee,
        "team": case.team_id,
        "unit": case.unit_id,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "practice": case.practice,
    }


def _document(row: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"],
        case_id=row["case_id"],
        doc_type=row["doc_type"],
        sha256=row["sha256"],
        status=row["status"],
        fields=_decode(row["fields"]),
        checks=_decode(row["checks"]),
        version=int(row["version"]),
        created_at=row["created_at"],
    )


async def case_by_id(case_id: UUID) -> CaseRecord | None:
    row = await Case.select().where(Case.id == case_id).first()
    return _case(row) if row else None


async def cases_by_ids(case_ids: Sequence[UUID]) -> dict[UUID, CaseRecord]:
    if not case_ids:
        return {}
    rows = await Case.select().where(Case.id.is_in(list(case_ids)))
    return {row["id"]: _case(row) for row in rows}


async def insert_case(case: CaseRecord) -> bool:
    """False when a case with this id exists (nothing written, no error to roll back)."""
    return await insert_rows(Case, [_case_columns(case)], skip_existing=True) == 1


async def save_case(case: CaseRecord) -> None:
    columns = _case_columns(case)
    del columns["id"], columns["created_at"], columns["creator"]
    await Case.update({getattr(Case, name): value for name, value in columns.items()}).where(
        Case.id == case.id
    )


async def insert_history(entry: HistoryEntry) -> None:
    await insert_rows(CaseHistory, [{
        "case_id": entry.case_id,
        "at": entry.at,
        "actor": entry.actor,
        "actor_name": entry.actor_name,
        "client_id": entry.client_id,
        "action": entry.action,
        "from_status": entry.from_status,
        "to_status": entry.to_status,
        "reason": entry.reason,
    }])


def _history_entry(row: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(
        case_id=row["case_id"],
        at=row["at"],
        actor=row["actor"],
        actor_name=row["actor_name"],
        client_id=row["client_id"],
        action=row["action"],
        from_status=row["from_status"],
        to_status=row["to_status"],
        reason=row["reason"],
    )


async def history_of(case_id: UUID) -> list[HistoryEntry]:
    rows = await CaseHistory.select().where(CaseHistory.case_id == case_id).order_by(
        CaseHistory.id
    )
    return [_history_entry(row) for row in rows]


async def document_by_id(document_id: UUID) -> DocumentRecord | None:
    row = await CaseDocument.select().where(CaseDocument.id == document_id).first()
    return _document(row) if row else None


async def insert_document(document: DocumentRecord) -> None:
    await CaseDocument.insert(
        CaseDocument(
            id=document.id,
            case_id=document.case_id,
            doc_type=document.doc_type,
            sha256=document.sha256,
            status=document.status,
            fields=_json(document.fields),
            checks=_json(document.checks),
            version=document.version,
            created_at=document.created_at,
        )
    )


async def documents_of(case_ids: Sequence[UUID]) -> list[DocumentRecord]:
    if not case_ids:
        return []
    rows = await CaseDocument.select().where(CaseDocument.case_id.is_in(list(case_ids))).order_by(
        CaseDocument.created_at
    )
    return [_document(row) for row in rows]


async def documents_with_status(sha256: str, status: str) -> list[DocumentRecord]:
    rows = await CaseDocument.select().where(
        (CaseDocument.sha256 == sha256) & (CaseDocument.status == status)
    )
    return [_document(row) for row in rows]


async def set_document_status(document: DocumentRecord) -> None:
    await CaseDocument.update(
        {CaseDocument.status: document.status, CaseDocument.version: document.version}
    ).where(CaseDocument.id == document.id)


def _ways_to_see(scope: Scope) -> list[Any]:
    """Each way the scope sees a case (none: it sees every case). Each has an index on
    (its column, id) for reading it in id order (cases migration 2026-12-07)."""
    if scope.everything:
        return []
    ways: list[Any] = [Case.assignee == scope.user_id, Case.creator == scope.user_id]
    if scope.team_id is not None:
        ways.append(Case.team == scope.team_id)
    if scope.unit_id is not None:
        ways.append((Case.unit == scope.unit_id) & (Case.kind == str(CaseKind.UNIT_REGISTRATION)))
    return ways


def _visible(scope: Scope) -> Any:
    return reduce(operator.or_, _ways_to_see(scope)) if not scope.everything else None


def _filtered(where: CaseFilter) -> list[Any]:
    """The filter as conditions on ``Case``; risk and submission dates are subqueries."""
    conditions: list[Any] = []
    if where.status is not None:
        conditions.append(Case.status == where.status)
    risk = events.case_risk()
    if where.risk == "none":
        if risk is not None:
            conditions.append(Case.id.not_in(risk.case_ids_at(["warning", "error"])))
    elif where.risk is not None:
        if risk is None:
            conditions.append(Case.id.is_null())  # nobody rates risk: no case has one
        else:
            conditions.append(Case.id.is_in(risk.case_ids_at([where.risk])))
    if where.staff_id is not None:
        conditions.append(
            (Case.assignee == where.staff_id)
            | (Case.assignee.is_null() & (Case.creator == where.staff_id))
        )
    if where.submitted_from is not None or where.submitted_before is not None:
        submits = CaseHistory.select(CaseHistory.case_id).where(CaseHistory.action == "submit")
        if where.submitted_from is not None:
            submits = submits.where(CaseHistory.at >= where.submitted_from)
        if where.submitted_before is not None:
            submits = submits.where(CaseHistory.at < where.submitted_before)
        conditions.append(Case.id.is_in(submits))
    return conditions


async def visible_cases(
    scope: Scope, *, where: CaseFilter, after: UUID | None, limit: int
) -> list[CaseRecord]:
    """The cases the scope sees that match ``where``, by id, after ``after``: one query
    per page (the id order is total, so pages neither repeat nor skip under a filter)."""
    query = Case.select()
    visible = _visible(scope)
    conditions = [visible] if visible is not None else []
    conditions.append(Case.practice.eq(False))  # practice cases are never real work
    conditions += _filtered(where)
    if after is not None:
        conditions.append(Case.id > after)
    for condition in conditions:
        query = query.where(condition)
    rows = await query.order_by(Case.id).limit(limit)
    return [_case(row) for row in rows]


async def risk_levels(case_ids: Sequence[UUID]) -> dict[UUID, str]:
    """Each case's risk level from its latest verification; ``none`` if never verified."""
    levels = dict.fromkeys(case_ids, "none")
    risk = events.case_risk()
    if case_ids and risk is not None:
        levels.update(await risk.levels(case_ids))
    return levels


# The full sync reads many rows: only what devices receive (changes.case_data_of_row), ids
# as text (the same on both engines) rather than UUIDs made and printed again.
_SNAPSHOT_COLUMNS = [
    Cast(Case.id, Varchar()).as_alias("id"), Case.kind, Case.status, Case.fields,
    Case.conflicts, Case.version, Cast(Case.creator, Varchar()).as_alias("creator"),
    Cast(Case.assignee, Varchar()).as_alias("assignee"), Case.updated_at, Case.practice,
]


async def _page_end(scope: Scope, after: UUID | None, limit: int) -> tuple[Any, bool]:
    """The id of the last case of a page (None when none is left) and whether the page is
    full: the first ``limit`` after ``after`` of each way to see a case, merged (a case of
    the page is among the first ``limit`` of any way it is seen by). Each way reads
    ``limit`` entries of its index; the ways OR-ed with a LIMIT collected and sorted every
    visible case after ``after`` instead, for each page (10,000 cases: 10 pages of up to
    10,000 rows)."""
    ids: set[Any] = set()
    for way in _ways_to_see(scope) or [None]:
        query = Case.select(Case.id)
        for condition in (way, Case.id > after if after is not None else None):
            if condition is not None:
                query = query.where(condition)
        ids.update(row["id"] for row in await query.order_by(Case.id).limit(limit))
    page = sorted(ids)[:limit]  # UUIDs sort as the database does
    return (page[-1] if page else None), len(page) == limit


async def snapshot_cases(
    scope: Scope, after: UUID | None, limit: int
) -> tuple[list[dict[str, Any]], list[DocumentRecord], str | None]:
    """A page of the cases the scope sees, by id, as rows of ``_SNAPSHOT_COLUMNS``, their
    documents, and the key after which the next page starts (None: this was the last).
    The page's end is fixed before its rows are read, so a case leaving or joining the
    range meanwhile (PostgreSQL reads each statement afresh) never ends the sync early."""
    end, full = await _page_end(scope, after, limit)
    if end is None:
        return [], [], None
    conditions = [c for c in (_visible(scope), Case.id <= end) if c is not None]
    if after is not None:
        conditions.append(Case.id > after)
    page, ids = Case.select(*_SNAPSHOT_COLUMNS), Case.select(Case.id)
    for condition in conditions:
        page, ids = page.where(condition), ids.where(condition)
    cases: list[dict[str, Any]] = await page.order_by(Case.id)
    rows = await CaseDocument.select().where(CaseDocument.case_id.is_in(ids)).order_by(
        CaseDocument.created_at
    )
    return cases, [_document(row) for row in rows], str(end) if full else None


async def save_document(document: DocumentRecord) -> None:
    """What reading a document changed: its type, status, fields, checks and version."""
    await CaseDocument.update(
        {
            CaseDocument.doc_type: document.doc_type,
            CaseDocument.status: document.status,
            CaseDocument.fields: _json(document.fields),
            CaseDocument.checks: _json(document.checks),
            CaseDocument.version: document.version,
        }
    ).where(CaseDocument.id == document.id)


async def case_ids_with_file(sha256: str) -> list[UUID]:
    """The cases with a document of this file (any document status)."""
    rows = await CaseDocument.select(CaseDocument.case_id).where(CaseDocument.sha256 == sha256)
    return list({UUID(str(row["case_id"])) for row in rows})


async def case_ids_active_between(start: datetime, end: datetime) -> list[UUID]:
    """Real cases with a history entry in ``start <= at < end`` (the metrics period);
    practice cases never count."""
    practice = Case.select(Case.id).where(Case.practice.eq(True))
    rows = await CaseHistory.select(CaseHistory.case_id).where(
        (CaseHistory.at >= start) & (CaseHistory.at < end) & CaseHistory.case_id.not_in(practice)
    )
    return list({UUID(str(row["case_id"])) for row in rows})


async def history_of_cases(case_ids: Sequence[UUID]) -> list[HistoryEntry]:
    if not case_ids:
        return []
    rows = await CaseHistory.select().where(CaseHistory.case_id.is_in(list(case_ids)))
    return [_history_entry(row) for row in rows]


async def open_cases_of(user_id: UUID) -> list[CaseRecord]:
    """The user's assigned cases not yet approved (what a handover moves), by id."""
    rows = await Case.select().where(
        (Case.assignee == user_id) & (Case.status != str(CaseStatus.APPROVED))
    ).order_by(Case.id)
    return [_case(row) for row in rows]
