"""Every database query of consultations and satisfaction ratings (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.consultation.models import (
    Channel,
    Citation,
    ConsultationRecord,
    ConsultationStatus,
    RatedKind,
)
from backend.consultation.similarity import Answered
from backend.consultation.tables import Consultation, SatisfactionRating

C = Consultation
OPEN_STATUSES = (str(ConsultationStatus.OPEN), str(ConsultationStatus.IN_PROGRESS))


def transaction() -> Any:
    """One transaction around a use case's writes (joins an open one, e.g. a push)."""
    return C._meta.db.transaction()


def _record(row: dict[str, Any]) -> ConsultationRecord:
    citation = None
    if row["article_id"] is not None and row["article_version"] is not None:
        citation = Citation(
            article_id=row["article_id"],
            version=int(row["article_version"]),
            title=row["article_title"],
            passage=row["cited_passage"],
        )
    return ConsultationRecord(
        id=row["id"],
        channel=Channel(row["channel"]),
        status=ConsultationStatus(row["status"]),
        question=row["question"],
        contact=row["contact"],
        assignee_id=row["assignee_id"],
        answer=row["answer"],
        citation=citation,
        knowledge_gap=bool(row["knowledge_gap"]),
        answered_by=row["answered_by"],
        created_at=row["created_at"],
        answered_at=row["answered_at"],
    )


async def insert(record: ConsultationRecord, normalised: str, ticket_hash: str | None) -> None:
    citation = record.citation
    await C.insert(
        C(
            id=record.id,
            channel=str(record.channel),
            status=str(record.status),
            question=record.question,
            normalised=normalised,
            contact=record.contact,
            ticket_hash=ticket_hash,
            assignee_id=record.assignee_id,
            answer=record.answer,
            article_id=citation.article_id if citation else None,
            article_version=citation.version if citation else None,
            article_title=citation.title if citation else "",
            cited_passage=citation.passage if citation else "",
            knowledge_gap=record.knowledge_gap,
            answered_by=record.answered_by,
            created_at=record.created_at,
            answered_at=record.answered_at,
        )
    )


async def exists(consultation_id: UUID) -> bool:
    return bool(await C.exists().where(C.id == consultation_id))


async def by_id(consultation_id: UUID) -> ConsultationRecord | None:
    row = await C.select().where(C.id == consultation_id).first()
    return _record(row) if row else None


async def by_ticket(ticket_hash: str) -> ConsultationRecord | None:
    row = await C.select().where(C.ticket_hash == ticket_hash).first()
    return _record(row) if row else None


async def page(
    statuses: list[str], before: tuple[datetime, UUID] | None, limit: int, oldest_first: bool
) -> list[ConsultationRecord]:
    """The queue: waiting questions oldest first (longest wait on top), others newest first."""
    query = C.select().where(C.status.is_in(statuses))
    if before is not None:
        at, item_id = before
        if oldest_first:
            query = query.where((C.created_at > at) | ((C.created_at == at) & (C.id > item_id)))
        else:
            query = query.where((C.created_at < at) | ((C.created_at == at) & (C.id < item_id)))
    rows = await query.order_by(C.created_at, C.id, ascending=oldest_first).limit(limit)
    return [_record(row) for row in rows]


async def claim(consultation_id: UUID, staff_id: UUID) -> bool:
    rows = (
        await C.update({C.status: str(ConsultationStatus.IN_PROGRESS), C.assignee_id: staff_id})
        .where((C.id == consultation_id) & (C.status == str(ConsultationStatus.OPEN)))
        .returning(C.id)
    )
    return bool(rows)


async def answer(consultation_id: UUID, record: ConsultationRecord) -> bool:
    """Writes the answer of an open question; False when it was answered already."""
    citation = record.citation
    rows = (
        await C.update(
            {
                C.status: str(ConsultationStatus.ANSWERED),
                C.answer: record.answer,
                C.article_id: citation.article_id if citation else None,
                C.article_version: citation.version if citation else None,
                C.article_title: citation.title if citation else "",
                C.cited_passage: citation.passage if citation else "",
                C.knowledge_gap: record.knowledge_gap,
                C.answered_by: record.answered_by,
                C.answered_at: record.answered_at,
                C.assignee_id: record.answered_by,
            }
        )
        .where((C.id == consultation_id) & C.status.is_in(list(OPEN_STATUSES)))
        .returning(C.id)
    )
    return bool(rows)


async def set_push(consultation_id: UUID, endpoint: str, p256dh: str, auth: str) -> None:
    await C.update({C.push_endpoint: endpoint, C.push_p256dh: p256dh, C.push_auth: auth}).where(
        C.id == consultation_id
    )


async def push_target(consultation_id: UUID) -> tuple[str, str, str] | None:
    row = (
        await C.select(C.push_endpoint, C.push_p256dh, C.push_auth)
        .where(C.id == consultation_id)
        .first()
    )
    if not row or not row["push_endpoint"]:
        return None
    return row["push_endpoint"], row["push_p256dh"], row["push_auth"]


async def answered_between(start: datetime, end: datetime, limit: int) -> list[Answered]:
    rows = await (
        C.select(C.id, C.question, C.normalised, C.channel, C.article_id, C.article_version)
        .where(
            (C.status == str(ConsultationStatus.ANSWERED))
            & (C.created_at >= start)
            & (C.created_at < end)
        )
        .order_by(C.created_at)
        .limit(limit)
    )
    return [
        Answered(
            id=row["id"],
            question=row["question"],
            normalised=row["normalised"],
            channel=row["channel"],
            article_id=row["article_id"],
            version=None if row["article_version"] is None else int(row["article_version"]),
        )
        for row in rows
    ]


async def gaps_between(start: datetime, end: datetime, limit: int) -> list[ConsultationRecord]:
    rows = await (
        C.select()
        .where((C.knowledge_gap == True) & (C.created_at >= start) & (C.created_at < end))  # noqa: E712
        .order_by(C.created_at)
        .limit(limit)
    )
    return [_record(row) for row in rows]


async def hand_over(from_user: UUID, to_user: UUID) -> int:
    rows = (
        await C.update({C.assignee_id: to_user})
        .where((C.assignee_id == from_user) & C.status.is_in(list(OPEN_STATUSES)))
        .returning(C.id)
    )
    return len(rows)


# --- Satisfaction ratings -----------------------------------------------------------------

S = SatisfactionRating


async def rating_exists(kind: RatedKind, subject_id: UUID) -> bool:
    return bool(
        await S.exists().where((S.subject_kind == str(kind)) & (S.subject_id == subject_id))
    )


async def insert_rating(
    rating_id: UUID,
    kind: RatedKind,
    subject_id: UUID,
    staff_id: UUID | None,
    rating: int,
    comment: str,
    at: datetime,
) -> None:
    await S.insert(
        S(
            id=rating_id,
            subject_kind=str(kind),
            subject_id=subject_id,
            staff_id=staff_id,
            rating=rating,
            comment=comment,
            created_at=at,
        )
    )


async def ratings_between(start: datetime, end: datetime) -> list[tuple[UUID | None, str, int]]:
    rows = await S.select(S.staff_id, S.subject_kind, S.rating).where(
        (S.created_at >= start) & (S.created_at < end)
    )
    return [(row["staff_id"], row["subject_kind"], int(row["rating"])) for row in rows]
