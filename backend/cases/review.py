"""Server decisions on a case: review (approve / return) and assignment.

They bump the case version like any change, so pull delivers them after any device edit
they overrule; device edits to a decided case are refused (see ``service.load_editable``).
"""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.roles import Role
from backend.cases import queries
from backend.cases.changes import case_put, document_put, revocations
from backend.cases.events import device_readings
from backend.cases.models import Actor, CaseRecord
from backend.cases.notices import notify_decision
from backend.cases.policy import may_assign, may_review
from backend.cases.service import history, load_case, now
from backend.cases.status import DECISION_STATUS, REVIEWABLE, ReviewDecision, status_label
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes

MAX_REASON = 500


async def review_case(
    actor: Actor, case_id: UUID, decision: ReviewDecision, reason: str | None
) -> CaseRecord:
    reason = (reason or "").strip() or None
    if decision == ReviewDecision.RETURN and not reason:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "退回案件需要填写原因", field="reason")
    if reason and len(reason) > MAX_REASON:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "原因太长", field="reason")
    async with changes.write_transaction():
        case = await load_case(case_id)
        if not may_review(actor.user, case.parties):
            raise DoorstepError(ErrorCode.FORBIDDEN)
        if case.status not in REVIEWABLE:
            raise DoorstepError(
                ErrorCode.INVALID_STATE,
                f"案件当前状态为「{status_label(case.status)}」，不能审核",
                details={"status": str(case.status)},
            )
        updated = case.next(now(), status=DECISION_STATUS[decision])
        await queries.save_case(updated)
        action = "approve" if decision == ReviewDecision.APPROVE else "return"
        await queries.insert_history(history(actor, updated, action, case.status, reason))
        await changes.record([case_put(updated)], updated.updated_at)
        await notify_decision(updated, decision, reason)
    return updated


async def assign_case(actor: Actor, case_id: UUID, assignee_id: UUID) -> CaseRecord:
    """Gives the case to another field worker; whoever loses sight of it gets a delete."""
    assignee = await accounts.user_by_id(assignee_id)
    if assignee is None or not assignee.active or assignee.role != Role.FIELD_STAFF:
        message = "只能指派给在岗的外勤人员"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="assigneeId")
    async with changes.write_transaction():
        case = await load_case(case_id)
        if not may_assign(actor.user, case.parties):
            raise DoorstepError(ErrorCode.FORBIDDEN)
        if assignee.team_id != case.team_id and actor.user.role != Role.ADMIN:
            raise DoorstepError(ErrorCode.FORBIDDEN, "只能指派给本组人员", field="assigneeId")
        if case.assignee == assignee.id:
            return case
        updated = case.next(now(), assignee=assignee.id)
        await queries.save_case(updated)
        await queries.insert_history(history(actor, updated, "assign", case.status))
        documents = await queries.documents_of([case.id])
        # Documents are re-sent with a new version so the new assignee receives them.
        resent = [replace(d, version=d.version + 1) for d in documents]
        for document in resent:
            await queries.set_document_status(document)
        entries = revocations(case, updated, documents)
        readings = await device_readings([d.id for d in resent])
        entries += [
            case_put(updated), *(document_put(d, updated, readings.get(d.id)) for d in resent)
        ]
        await changes.record(entries, updated.updated_at)
    return updated
