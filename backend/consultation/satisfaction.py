"""Satisfaction ratings (1–5) after a visit or an answered consultation, and what the
assessment indicators read: ``satisfaction_by_staff(month)``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.consultation import queries
from backend.consultation.models import ConsultationStatus, RatedKind
from backend.consultation.report import month_bounds
from backend.consultation.service import by_ticket
from backend.consultation.text_rules import plain_text
from backend.errors import DoorstepError, ErrorCode


@dataclass(frozen=True, slots=True)
class StaffSatisfaction:
    staff_id: UUID
    ratings: int
    average: float
    by_kind: dict[str, int]  # ratings per kind (visit, consultation)


def _rating(value: int) -> int:
    if isinstance(value, bool) or not 1 <= value <= 5:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "评分应为 1 到 5 分。", field="rating")
    return value


def _comment(raw: str | None) -> str:
    return plain_text(raw or "", field="comment", limit=200, label="评价", required=False)


async def _store(
    kind: RatedKind, subject_id: UUID, staff_id: UUID | None, rating: int, comment: str
) -> None:
    async with queries.transaction():
        if await queries.rating_exists(kind, subject_id):
            raise DoorstepError(ErrorCode.CONFLICT, "已经评价过了，谢谢！")
        await queries.insert_rating(
            uuid.uuid4(), kind, subject_id, staff_id, rating, comment, datetime.now(UTC)
        )


async def rate_consultation(ticket: str, rating: int, comment: str | None, address: str) -> None:
    """The member rates the answer to their own question (once)."""
    record = await by_ticket(ticket, address)
    if record.status is not ConsultationStatus.ANSWERED:
        raise DoorstepError(ErrorCode.INVALID_STATE, "答复之后才能评价。")
    await _store(
        RatedKind.CONSULTATION, record.id, record.answered_by, _rating(rating), _comment(comment)
    )


async def rate_visit(actor: UserRecord, visit_id: UUID, rating: int, comment: str | None) -> None:
    """The member rates a visit on the staff member's tablet; it counts for that staff member."""
    await _store(RatedKind.VISIT, visit_id, actor.id, _rating(rating), _comment(comment))


async def satisfaction_by_staff(month: str) -> dict[UUID, StaffSatisfaction]:
    """Each staff member's ratings in the month (``YYYY-MM``, UTC): count, average, per kind."""
    _, first, following = month_bounds(month)
    start = datetime(first.year, first.month, 1, tzinfo=UTC)
    end = datetime(following.year, following.month, 1, tzinfo=UTC)
    totals: dict[UUID, list[int]] = {}
    kinds: dict[UUID, dict[str, int]] = {}
    for staff_id, kind, rating in await queries.ratings_between(start, end):
        if staff_id is None:
            continue
        totals.setdefault(staff_id, []).append(rating)
        per_kind = kinds.setdefault(staff_id, {})
        per_kind[kind] = per_kind.get(kind, 0) + 1
    return {
        staff_id: StaffSatisfaction(
            staff_id, len(values), round(sum(values) / len(values), 2), kinds[staff_id]
        )
        for staff_id, values in totals.items()
    }
