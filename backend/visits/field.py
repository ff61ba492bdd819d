"""At the door: record a visit's outcome, or start its case (both pushed by the tablet)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from backend.cases import queries as case_queries
from backend.cases import service as cases
from backend.cases.models import Actor
from backend.cases.policy import may_edit
from backend.cases.status import CaseKind
from backend.errors import DoorstepError, ErrorCode
from backend.visits import queries
from backend.visits.changes import visit_changes
from backend.visits.models import VisitRecord
from backend.visits.policy import may_work_on
from backend.visits.rules import (
    OPEN,
    OUTCOME_STATUS,
    Outcome,
    VisitStatus,
    case_fields_from_visit,
    not_in_past,
)
from backend.visits.service import load_visit, now
from sync.changelog import changes


async def _workable(actor: Actor, visit_id: UUID) -> VisitRecord:
    visit = await load_visit(visit_id)
    if not may_work_on(actor.user, visit):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    return visit


async def record_outcome(
    actor: Actor,
    visit_id: UUID,
    outcome: Outcome,
    note: str,
    at: datetime,
    location: dict[str, Any] | None,
    new_date: date | None = None,
) -> VisitRecord:
    """done → done, not_home → missed, refused → cancelled, rescheduled → back to requested
    (kept by the same worker, the new date as the preferred one) for the supervisor."""
    if len(note) > 500:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "备注不能超过 500 个字", field="note")
    not_in_past("date", new_date)
    async with changes.write_transaction():
        visit = await _workable(actor, visit_id)
        if visit.status not in OPEN:
            raise DoorstepError(
                ErrorCode.INVALID_STATE,
                "该上门已记录结果或已取消",
                details={"status": visit.status},
            )
        status = OUTCOME_STATUS[outcome]
        rescheduled = outcome == Outcome.RESCHEDULED
        updated = visit.next(
            now(),
            status=str(status),
            outcome=str(outcome),
            outcome_note=note.strip(),
            outcome_at=at,
            outcome_location=location,
            scheduled_for=None if rescheduled else visit.scheduled_for,
            slot=None if rescheduled else visit.slot,
            preferred_date=new_date if rescheduled and new_date else visit.preferred_date,
        )
        await queries.save_visit(updated)
        await changes.record(visit_changes(visit, updated), updated.updated_at)
    return updated


async def start_case(actor: Actor, visit_id: UUID, case_id: UUID) -> VisitRecord:
    """Creates the visit's draft case, its fields filled from the request, and links it.

    A device working offline may have queued ``createCase`` for that id first (so the case
    is on its screen at once, prefilled the same way): an existing case the actor may edit,
    of the visit's kind, is linked as it is."""
    async with changes.write_transaction():
        visit = await _workable(actor, visit_id)
        if visit.case_id == case_id:
            return visit
        if visit.case_id is not None:
            raise DoorstepError(ErrorCode.CONFLICT, "该上门已经建立了案件", field="visitId")
        if visit.status not in (*OPEN, VisitStatus.DONE):
            raise DoorstepError(ErrorCode.INVALID_STATE, "该上门已取消或未遇到，不能建案")
        existing = await case_queries.case_by_id(case_id)
        if existing is None:
            fields = case_fields_from_visit(visit.kind, visit.name, visit.phone, visit.address)
            await cases.create_case(actor, case_id, CaseKind(visit.kind), fields)
        elif existing.kind != visit.kind or not may_edit(actor.user, existing.parties):
            raise DoorstepError(ErrorCode.CONFLICT, "该案件编号已被其他案件使用", field="caseId")
        updated = visit.next(now(), case_id=case_id)
        await queries.save_visit(updated)
        await changes.record(visit_changes(visit, updated), updated.updated_at)
    return updated
