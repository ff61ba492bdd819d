"""Every database query of the training domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec

from backend.training.models import (
    AcknowledgementRecord,
    AnswerKey,
    AttemptRecord,
    DrillPhoto,
    DrillRecord,
    Missed,
    PolicyCheckRecord,
    TraineeAnswer,
)
from backend.training.tables import Drill, DrillAttempt, PolicyAcknowledgement, PolicyCheck

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


def _json(value: Any) -> str:
    return _encode(value).decode()


def _drill(row: dict[str, Any]) -> DrillRecord:
    return DrillRecord(
        id=row["id"], title=row["title"], source=row["source"], case_kind=row["case_kind"],
        brief=row["brief"], key=AnswerKey.of(_decode(row["key"])),
        photos=tuple(DrillPhoto(p["sha256"], p["docType"]) for p in _decode(row["photos"])),
        active=bool(row["active"]), created_by=row["created_by"], created_at=row["created_at"],
    )


async def insert_drill(drill: DrillRecord) -> None:
    await Drill.insert(Drill(
        id=drill.id, title=drill.title, source=drill.source, case_kind=drill.case_kind,
        brief=drill.brief, key=_json(drill.key.as_json()),
        photos=_json([{"sha256": p.sha256, "docType": p.doc_type} for p in drill.photos]),
        active=drill.active, created_by=drill.created_by, created_at=drill.created_at,
    ))


async def drill_by_id(drill_id: UUID) -> DrillRecord | None:
    row = await Drill.select().where(Drill.id == drill_id).first()
    return _drill(row) if row else None


async def drills_by_ids(drill_ids: Sequence[UUID]) -> dict[UUID, DrillRecord]:
    if not drill_ids:
        return {}
    rows = await Drill.select().where(Drill.id.is_in(list(drill_ids)))
    return {row["id"]: _drill(row) for row in rows}


async def active_drills(limit: int) -> list[DrillRecord]:
    rows = await Drill.select().where(Drill.active.eq(True)).order_by(
        Drill.created_at, ascending=False
    ).limit(limit)
    return [_drill(row) for row in rows]


def _attempt(row: dict[str, Any]) -> AttemptRecord:
    return AttemptRecord(
        id=row["id"], drill_id=row["drill_id"], user_id=row["user_id"], case_id=row["case_id"],
        started_at=row["started_at"], answer=TraineeAnswer.of(_decode(row["answer"])),
        finished_at=row["finished_at"], score=row["score"], max_score=row["max_score"],
        missed=tuple(Missed.of(m) for m in _decode(row["missed"])),
    )


async def insert_attempt(attempt: AttemptRecord) -> None:
    await DrillAttempt.insert(DrillAttempt(
        id=attempt.id, drill_id=attempt.drill_id, user_id=attempt.user_id,
        case_id=attempt.case_id, started_at=attempt.started_at,
        answer=_json(attempt.answer.as_json()),
    ))


async def attempt_by_id(attempt_id: UUID) -> AttemptRecord | None:
    row = await DrillAttempt.select().where(DrillAttempt.id == attempt_id).first()
    return _attempt(row) if row else None


async def save_answer(attempt_id: UUID, answer: TraineeAnswer) -> None:
    await DrillAttempt.update({DrillAttempt.answer: _json(answer.as_json())}).where(
        DrillAttempt.id == attempt_id
    )


async def finish_attempt(attempt: AttemptRecord) -> bool:
    """False when the attempt was finished meanwhile (the first finish counts)."""
    done = await DrillAttempt.update({
        DrillAttempt.finished_at: attempt.finished_at,
        DrillAttempt.score: attempt.score,
        DrillAttempt.max_score: attempt.max_score,
        DrillAttempt.missed: _json([m.as_json() for m in attempt.missed]),
        DrillAttempt.answer: _json(attempt.answer.as_json()),
    }).where(
        (DrillAttempt.id == attempt.id) & DrillAttempt.finished_at.is_null()
    ).returning(DrillAttempt.id)
    return bool(done)


async def attempts_of(
    user_ids: Sequence[UUID] | None, finished_from: datetime | None = None,
    finished_before: datetime | None = None,
) -> list[AttemptRecord]:
    """Attempts of the users (None: everyone's), newest first; with dates: finished ones."""
    query = DrillAttempt.select()
    if user_ids is not None:
        if not user_ids:
            return []
        query = query.where(DrillAttempt.user_id.is_in(list(user_ids)))
    if finished_from is not None:
        query = query.where(DrillAttempt.finished_at >= finished_from)
    if finished_before is not None:
        query = query.where(DrillAttempt.finished_at < finished_before)
    rows = await query.order_by(DrillAttempt.started_at, ascending=False)
    return [_attempt(row) for row in rows]


def _check(row: dict[str, Any]) -> PolicyCheckRecord:
    return PolicyCheckRecord(
        article_id=row["article_id"], version=int(row["version"]),
        questions=tuple(_decode(row["questions"])), required_by=row["required_by"],
        required_at=row["required_at"], due_days=int(row["due_days"]),
    )


async def insert_policy_check(check: PolicyCheckRecord) -> None:
    await PolicyCheck.insert(PolicyCheck(
        article_id=check.article_id, version=check.version,
        questions=_json(list(check.questions)), required_by=check.required_by,
        required_at=check.required_at, due_days=check.due_days,
    ))


async def policy_check(article_id: UUID, version: int) -> PolicyCheckRecord | None:
    row = await PolicyCheck.select().where(
        (PolicyCheck.article_id == article_id) & (PolicyCheck.version == version)
    ).first()
    return _check(row) if row else None


async def policy_checks() -> list[PolicyCheckRecord]:
    rows = await PolicyCheck.select().order_by(PolicyCheck.id)
    return [_check(row) for row in rows]


def _ack(row: dict[str, Any]) -> AcknowledgementRecord:
    return AcknowledgementRecord(
        user_id=row["user_id"], article_id=row["article_id"], version=int(row["version"]),
        passed=row["passed"], at=row["at"],
    )


async def insert_acknowledgement(
    ack: AcknowledgementRecord, answers: Any
) -> None:
    await PolicyAcknowledgement.insert(PolicyAcknowledgement(
        user_id=ack.user_id, article_id=ack.article_id, version=ack.version,
        passed=ack.passed, answers=_json(answers), at=ack.at,
    ))


async def acknowledgements(user_ids: Sequence[UUID] | None) -> list[AcknowledgementRecord]:
    query = PolicyAcknowledgement.select()
    if user_ids is not None:
        if not user_ids:
            return []
        query = query.where(PolicyAcknowledgement.user_id.is_in(list(user_ids)))
    rows = await query.order_by(PolicyAcknowledgement.id)
    return [_ack(row) for row in rows]
