"""Working drills: list, start (a practice case), answer (flags and decision, also pushed
offline), finish (scored), and what a person's training record holds."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.models import Actor
from backend.cases.practice import PracticePhoto, create_practice_case, practice_case
from backend.cases.status import CaseKind
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge import queries as knowledge
from backend.training import queries
from backend.training.models import (
    AcknowledgementRecord,
    AttemptRecord,
    DrillRecord,
    TraineeAnswer,
)
from backend.training.scoring import score_attempt
from backend.verification.codes import FlagCode
from sync.changelog import changes

MAX_DRILLS = 200
MAX_REASON = 500


def _now() -> datetime:
    return datetime.now(UTC)


async def list_drills(user: UserRecord, first: int | None) -> list[DrillRecord]:
    if user.role == Role.EMPLOYER:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    return await queries.active_drills(min(max(first or 50, 1), MAX_DRILLS))


async def start_drill(actor: Actor, drill_id: UUID) -> AttemptRecord:
    """A fresh practice case with the drill's photos, assigned to the caller."""
    if actor.user.role == Role.EMPLOYER:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    drill = await queries.drill_by_id(drill_id)
    if drill is None or not drill.active:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="id")
    photos = [PracticePhoto(uuid.uuid4(), p.sha256, p.doc_type) for p in drill.photos]
    attempt = AttemptRecord(
        id=uuid.uuid4(), drill_id=drill.id, user_id=actor.user.id, case_id=uuid.uuid4(),
        started_at=_now(), answer=TraineeAnswer(),
    )
    async with changes.write_transaction():
        await create_practice_case(actor, attempt.case_id, CaseKind(drill.case_kind), photos)
        await queries.insert_attempt(attempt)
    return attempt


async def _own_open_attempt(user: UserRecord, attempt_id: UUID) -> AttemptRecord:
    attempt = await queries.attempt_by_id(attempt_id)
    if attempt is None or attempt.user_id != user.id:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="attemptId")
    if attempt.finished_at is not None:
        raise DoorstepError(ErrorCode.INVALID_STATE, "该演练已完成", field="attemptId")
    return attempt


def parse_answer(flags: object, decision: object, reason: object) -> TraineeAnswer:
    codes = set(FlagCode)
    if not isinstance(flags, list) or not all(isinstance(f, str) and f in codes for f in flags):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "风险代码无效", field="flags")
    if decision not in (None, "APPROVE", "RETURN"):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "审核结论应为通过或退回", field="decision")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "退回原因无效", field="reason")
    return TraineeAnswer(tuple(sorted(set(flags))), decision, reason or None)


async def answer_drill(actor: Actor, attempt_id: UUID, answer: TraineeAnswer) -> None:
    """The trainee's flags and decision so far (the last answer before finishing counts)."""
    await _own_open_attempt(actor.user, attempt_id)
    await queries.save_answer(attempt_id, answer)


async def finish_drill(user: UserRecord, attempt_id: UUID) -> tuple[AttemptRecord, dict[str, UUID]]:
    """Scores the attempt; returns it and the knowledge article id of each slug it cites."""
    attempt = await _own_open_attempt(user, attempt_id)
    drill = await queries.drill_by_id(attempt.drill_id)
    case = await practice_case(attempt.case_id)
    if drill is None or case is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="attemptId")
    result = score_attempt(drill.key, case.fields, attempt.answer)
    done = replace(
        attempt, finished_at=_now(), score=result.score, max_score=result.max_score,
        missed=result.missed,
    )
    if not await queries.finish_attempt(done):
        raise DoorstepError(ErrorCode.INVALID_STATE, "该演练已完成", field="attemptId")
    return done, await article_ids({m.article_slug for m in done.missed if m.article_slug})


async def article_ids(slugs: set[str]) -> dict[str, UUID]:
    found = {}
    for slug in sorted(slugs):
        article_id = await knowledge.article_id_by_slug(slug)
        if article_id is not None:
            found[slug] = article_id
    return found


async def may_see_training_of(user: UserRecord, user_id: UUID) -> UserRecord:
    """Oneself; a supervisor their team's members; an admin anyone."""
    if user_id == user.id:
        return user
    other = await accounts.user_by_id(user_id)
    if other is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="userId")
    if user.role == Role.ADMIN:
        return other
    if user.role == Role.SUPERVISOR and user.team_id is not None and other.team_id == user.team_id:
        return other
    raise DoorstepError(ErrorCode.FORBIDDEN)


async def training_record(
    user: UserRecord, user_id: UUID | None
) -> tuple[list[AttemptRecord], list[AcknowledgementRecord]]:
    person = await may_see_training_of(user, user_id or user.id)
    attempts = await queries.attempts_of([person.id])
    return attempts, await queries.acknowledgements([person.id])
