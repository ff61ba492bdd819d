"""Visits and handovers in the sync change log.

A visit is seen by its assignee and the supervisors of its team (``visit`` entity); a
handover by the person leaving (``handover`` entity: their devices are asked to sync).
"""

from __future__ import annotations

from typing import Any

from backend.visits.materials import materials_slug
from backend.visits.models import HandoverRecord, VisitRecord
from sync.changelog.audience import Audience, lost_audience
from sync.changelog.storage import NewChange

VISIT_ENTITY = "visit"
HANDOVER_ENTITY = "handover"


def visit_data(visit: VisitRecord) -> dict[str, Any]:
    return {
        "id": str(visit.id),
        "kind": visit.kind,
        "status": visit.status,
        "name": visit.name,
        "phone": visit.phone,
        "address": visit.address,
        "note": visit.note,
        "preferredDate": visit.preferred_date.isoformat() if visit.preferred_date else None,
        "scheduledFor": visit.scheduled_for.isoformat() if visit.scheduled_for else None,
        "slot": visit.slot,
        "assignee": str(visit.assignee) if visit.assignee else None,
        "caseId": str(visit.case_id) if visit.case_id else None,
        "outcome": visit.outcome,
        "outcomeNote": visit.outcome_note,
        "outcomeAt": visit.outcome_at.isoformat() if visit.outcome_at else None,
        "materialsArticle": materials_slug(visit.kind),
        "version": visit.version,
        "updatedAt": visit.updated_at.isoformat(),
    }


def visit_audience(visit: VisitRecord) -> Audience:
    users = frozenset({visit.assignee}) if visit.assignee else frozenset()
    return Audience(users=users, team_id=visit.team_id, everyone_staff=True)


def visit_changes(before: VisitRecord | None, after: VisitRecord) -> list[NewChange]:
    """The put for the new audience and, when the assignee changed, a delete for who lost it."""
    entries: list[NewChange] = []
    if before is not None:
        lost = lost_audience(visit_audience(before), visit_audience(after))
        if lost is not None:
            entries.append(
                NewChange(VISIT_ENTITY, str(after.id), "delete", after.version, None, lost)
            )
    entries.append(
        NewChange(
            VISIT_ENTITY,
            str(after.id),
            "put",
            after.version,
            visit_data(after),
            visit_audience(after),
        )
    )
    return entries


def handover_data(handover: HandoverRecord) -> dict[str, Any]:
    return {
        "id": str(handover.id),
        "fromUser": str(handover.from_user),
        "toUser": str(handover.to_user),
        "reason": handover.reason,
        "at": handover.at.isoformat(),
        "counts": handover.counts,
        "devices": [{"clientId": d.client_id, "state": d.state} for d in handover.devices],
    }


def handover_change(handover: HandoverRecord) -> NewChange:
    return NewChange(
        HANDOVER_ENTITY,
        str(handover.id),
        "put",
        handover.version,
        handover_data(handover),
        Audience(users=frozenset({handover.from_user, handover.to_user})),
    )
