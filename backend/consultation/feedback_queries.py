"""Every database query of feedback, its history and its routing (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.consultation.models import (
    Channel,
    Department,
    FeedbackCategory,
    FeedbackRecord,
    FeedbackStatus,
    Routing,
)
from backend.consultation.report import Filed
from backend.consultation.routing import dump_routes, load_routes
from backend.consultation.tables import Feedback, FeedbackEvent, FeedbackRouting

F = Feedback
OPEN_STATUSES = [str(FeedbackStatus.OPEN), str(FeedbackStatus.IN_PROGRESS)]


def _record(row: dict[str, Any]) -> FeedbackRecord:
    return FeedbackRecord(
        id=row["id"],
        category=FeedbackCategory(row["category"]),
        process=row["process"],
        text=row["text"],
        channel=Channel(row["channel"]),
        case_id=row["case_id"],
        contact=row["contact"],
        department=Department(row["department"]),
        routing_version=int(row["routing_version"]),
        status=FeedbackStatus(row["status"]),
        response=row["response"],
        responded_at=row["responded_at"],
        assignee_id=row["assignee_id"],
        filed_by=row["filed_by"],
        created_at=row["created_at"],
    )


async def exists(feedback_id: UUID) -> bool:
    return bool(await F.exists().where(F.id == feedback_id))


async def insert(record: FeedbackRecord, ticket_hash: str | None) -> None:
    await F.insert(
        F(
            id=record.id,
            category=str(record.category),
            process=record.process,
            text=record.text,
            channel=str(record.channel),
            case_id=record.case_id,
            contact=record.contact,
            department=str(record.department),
            routing_version=record.routing_version,
            status=str(record.status),
            response=record.response,
            filed_by=record.filed_by,
            ticket_hash=ticket_hash,
            created_at=record.created_at,
            updated_at=record.created_at,
        )
    )


async def by_id(feedback_id: UUID) -> FeedbackRecord | None:
    row = await F.select().where(F.id == feedback_id).first()
    return _record(row) if row else None


async def by_ticket(ticket_hash: str) -> FeedbackRecord | None:
    row = await F.select().where(F.ticket_hash == ticket_hash).first()
    return _record(row) if row else None


async def page(
    status: str | None,
    department: str | None,
    filed_by: UUID | None,
    before: tuple[datetime, UUID] | None,
    limit: int,
    or_departments: list[Department] | None = None,
) -> list[FeedbackRecord]:
    """Newest first; ``filed_by`` limits to one filer's own items and, with
    ``or_departments``, those departments' queues as well."""
    query = F.select()
    if status:
        query = query.where(F.status == status)
    if department:
        query = query.where(F.department == department)
    if filed_by is not None and or_departments:
        query = query.where(
            (F.filed_by == filed_by) | F.department.is_in([str(d) for d in or_departments])
        )
    elif filed_by is not None:
        query = query.where(F.filed_by == filed_by)
    if before is not None:
        at, item_id = before
        query = query.where((F.created_at < at) | ((F.created_at == at) & (F.id < item_id)))
    rows = await query.order_by(F.created_at, F.id, ascending=False).limit(limit)
    return [_record(row) for row in rows]


async def respond(
    feedback_id: UUID, response: str, status: FeedbackStatus, actor_id: UUID, at: datetime
) -> None:
    await F.update(
        {
            F.response: response,
            F.status: str(status),
            F.responded_by: actor_id,
            F.responded_at: at,
            F.assignee_id: actor_id,
            F.updated_at: at,
        }
    ).where(F.id == feedback_id)


async def add_event(
    feedback_id: UUID, at: datetime, actor_id: UUID | None, action: str, status: str, note: str
) -> None:
    await FeedbackEvent.insert(
        FeedbackEvent(
            id=uuid.uuid4(),
            feedback_id=feedback_id,
            at=at,
            actor_id=actor_id,
            action=action,
            status=status,
            note=note,
        )
    )


async def events(feedback_id: UUID) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        await FeedbackEvent.select()
        .where(FeedbackEvent.feedback_id == feedback_id)
        .order_by(FeedbackEvent.at)
    )
    return rows


async def hand_over(from_user: UUID, to_user: UUID, at: datetime) -> list[UUID]:
    rows = (
        await F.update({F.assignee_id: to_user, F.updated_at: at})
        .where((F.assignee_id == from_user) & F.status.is_in(OPEN_STATUSES))
        .returning(F.id)
    )
    return [row["id"] for row in rows]


async def filed_between(start: datetime, middle: datetime, end: datetime) -> list[Filed]:
    rows = await F.select(F.category, F.process, F.case_id, F.created_at).where(
        (F.created_at >= start) & (F.created_at < end)
    )
    return [
        Filed(
            category=FeedbackCategory(row["category"]),
            process=row["process"],
            case_id=row["case_id"],
            current=row["created_at"] >= middle,
        )
        for row in rows
    ]


# --- Routing (versioned admin setting) ----------------------------------------------------

R = FeedbackRouting


def _routing(row: dict[str, Any]) -> Routing:
    return Routing(
        version=int(row["version"]),
        routes=load_routes(row["routes"]),
        set_by=row["set_by"],
        set_at=row["set_at"],
        note=row["note"],
    )


async def current_routing() -> Routing | None:
    row = await R.select().order_by(R.version, ascending=False).first()
    return _routing(row) if row else None


async def routing_history() -> list[Routing]:
    rows = await R.select().order_by(R.version, ascending=False)
    return [_routing(row) for row in rows]


async def insert_routing(routing: Routing) -> None:
    assert routing.set_by is not None
    assert routing.set_at is not None
    await R.insert(
        R(
            id=uuid.uuid4(),
            version=routing.version,
            routes=dump_routes(routing.routes),
            set_by=routing.set_by,
            set_at=routing.set_at,
            note=routing.note,
        )
    )
