"""Every database query of the visits domain (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from backend.visits.models import OutreachCompanyRecord, VisitRecord
from backend.visits.rules import OPEN
from backend.visits.tables import OutreachCompany, StaffArea, Visit
from sync.changelog.audience import Scope


def as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _visit(row: dict[str, Any]) -> VisitRecord:
    location = row["outcome_location"]
    return VisitRecord(
        id=row["id"],
        ticket=row["ticket"],
        kind=row["kind"],
        channel=row["channel"],
        name=row["name"],
        phone=row["phone"],
        address=row["address"],
        note=row["note"],
        preferred_date=as_date(row["preferred_date"]),
        status=row["status"],
        assignee=row["assignee"],
        team_id=row["team_id"],
        scheduled_for=as_date(row["scheduled_for"]),
        slot=row["slot"],
        case_id=row["case_id"],
        company_id=row["company_id"],
        outcome=row["outcome"],
        outcome_note=row["outcome_note"],
        outcome_at=row["outcome_at"],
        outcome_location=json.loads(location) if location else None,
        entered_by=row["entered_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=int(row["version"]),
    )


def _columns(visit: VisitRecord) -> dict[str, Any]:
    return {
        "id": visit.id,
        "ticket": visit.ticket,
        "kind": visit.kind,
        "channel": visit.channel,
        "name": visit.name,
        "phone": visit.phone,
        "address": visit.address,
        "note": visit.note,
        "preferred_date": visit.preferred_date,
        "status": visit.status,
        "assignee": visit.assignee,
        "team_id": visit.team_id,
        "scheduled_for": visit.scheduled_for,
        "slot": visit.slot,
        "case_id": visit.case_id,
        "company_id": visit.company_id,
        "outcome": visit.outcome,
        "outcome_note": visit.outcome_note,
        "outcome_at": visit.outcome_at,
        "outcome_location": json.dumps(visit.outcome_location)
        if visit.outcome_location is not None
        else None,
        "entered_by": visit.entered_by,
        "created_at": visit.created_at,
        "updated_at": visit.updated_at,
        "version": visit.version,
    }


async def insert_visit(visit: VisitRecord) -> None:
    await Visit.insert(Visit(**_columns(visit)))


async def save_visit(visit: VisitRecord) -> None:
    values = _columns(visit)
    del values["id"]
    await Visit.update({getattr(Visit, key): value for key, value in values.items()}).where(
        Visit.id == visit.id
    )


async def visit_by_id(visit_id: UUID) -> VisitRecord | None:
    row = await Visit.select().where(Visit.id == visit_id).first()
    return _visit(row) if row else None


async def visit_by_ticket(ticket: str) -> VisitRecord | None:
    row = await Visit.select().where(Visit.ticket == ticket).first()
    return _visit(row) if row else None


async def list_visits(
    *,
    on: date | None = None,
    between: tuple[date, date] | None = None,
    assignee: UUID | None = None,
    team_id: UUID | None = None,
    status: str | None = None,
    limit: int = 500,
) -> list[VisitRecord]:
    query = Visit.select()
    if on is not None:
        query = query.where(Visit.scheduled_for == on)
    if between is not None:
        query = query.where(
            (Visit.scheduled_for >= between[0]) & (Visit.scheduled_for <= between[1])
        )
    if assignee is not None:
        query = query.where(Visit.assignee == assignee)
    if team_id is not None:
        query = query.where((Visit.team_id == team_id) | Visit.team_id.is_null())
    if status is not None:
        query = query.where(Visit.status == status)
    rows = await query.order_by(Visit.created_at).limit(limit)
    return [_visit(row) for row in rows]


async def open_visits_on(day: date, assignees: Sequence[UUID]) -> list[VisitRecord]:
    if not assignees:
        return []
    rows = await Visit.select().where(
        (Visit.scheduled_for == day)
        & Visit.assignee.is_in(list(assignees))
        & Visit.status.is_in([str(s) for s in OPEN])
    )
    return [_visit(row) for row in rows]


async def open_visits_of(user_id: UUID) -> list[VisitRecord]:
    rows = (
        await Visit.select()
        .where((Visit.assignee == user_id) & Visit.status.is_in([str(s) for s in OPEN]))
        .order_by(Visit.id)
    )
    return [_visit(row) for row in rows]


async def snapshot_visits(scope: Scope, after: UUID | None, limit: int) -> list[VisitRecord]:
    query = Visit.select()
    if not scope.everything:
        seen: Any = Visit.assignee == scope.user_id
        if scope.team_id is not None:
            seen = seen | (Visit.team_id == scope.team_id)
        query = query.where(seen)
    if after is not None:
        query = query.where(Visit.id > after)
    rows = await query.order_by(Visit.id).limit(limit)
    return [_visit(row) for row in rows]


async def areas_of(user_ids: Sequence[UUID]) -> dict[UUID, tuple[str, ...]]:
    if not user_ids:
        return {}
    rows = await StaffArea.select().where(StaffArea.user_id.is_in(list(user_ids)))
    areas: dict[UUID, list[str]] = {}
    for row in rows:
        areas.setdefault(row["user_id"], []).append(row["area"])
    return {user_id: tuple(sorted(values)) for user_id, values in areas.items()}


async def set_areas(user_id: UUID, areas: Sequence[str], new_id: Any) -> None:
    await StaffArea.delete().where(StaffArea.user_id == user_id)
    if areas:
        await StaffArea.insert(*(StaffArea(id=new_id(), user_id=user_id, area=a) for a in areas))


def _company(row: dict[str, Any]) -> OutreachCompanyRecord:
    return OutreachCompanyRecord(
        id=row["id"],
        batch=row["batch"],
        name=row["name"],
        uscc=row["uscc"],
        address=row["address"],
        contact=row["contact"],
        phone=row["phone"],
        visit_id=row["visit_id"],
        imported_at=row["imported_at"],
    )


async def insert_companies(companies: Sequence[OutreachCompanyRecord]) -> None:
    if companies:
        await OutreachCompany.insert(
            *(
                OutreachCompany(
                    id=c.id,
                    batch=c.batch,
                    name=c.name,
                    uscc=c.uscc,
                    address=c.address,
                    contact=c.contact,
                    phone=c.phone,
                    visit_id=c.visit_id,
                    imported_at=c.imported_at,
                )
                for c in companies
            )
        )


async def companies(batch: str | None = None) -> list[OutreachCompanyRecord]:
    query = OutreachCompany.select()
    if batch is not None:
        query = query.where(OutreachCompany.batch == batch)
    return [_company(row) for row in await query.order_by(OutreachCompany.name)]


async def company_by_id(company_id: UUID) -> OutreachCompanyRecord | None:
    row = await OutreachCompany.select().where(OutreachCompany.id == company_id).first()
    return _company(row) if row else None


async def known_usccs(usccs: Sequence[str]) -> set[str]:
    if not usccs:
        return set()
    rows = await OutreachCompany.select(OutreachCompany.uscc).where(
        OutreachCompany.uscc.is_in(list(usccs))
    )
    return {row["uscc"] for row in rows}


async def link_company_visit(company_id: UUID, visit_id: UUID) -> None:
    await OutreachCompany.update({OutreachCompany.visit_id: visit_id}).where(
        OutreachCompany.id == company_id
    )


async def visits_by_ids(visit_ids: Sequence[UUID]) -> dict[UUID, VisitRecord]:
    if not visit_ids:
        return {}
    rows = await Visit.select().where(Visit.id.is_in(list(visit_ids)))
    return {row["id"]: _visit(row) for row in rows}


async def visits_created_between(start: datetime, end: datetime) -> list[VisitRecord]:
    rows = await Visit.select().where((Visit.created_at >= start) & (Visit.created_at < end))
    return [_visit(row) for row in rows]
