"""Every database query of the assessment domain's own tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import msgspec

from backend.assessment.tables import (
    AssessmentScheme,
    ManagementUnit,
    ManualScore,
    StaffEmployment,
)

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


@dataclass(frozen=True, slots=True)
class SchemeVersion:
    version: int
    effective_from: date | None  # None: the built-in default (version 0)
    scheme: dict[str, Any]
    changed_by: UUID | None
    changed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ManualScoreRecord:
    user_id: UUID
    month: str
    key: str
    points: float
    reason: str
    scored_by: UUID
    scored_at: datetime


@dataclass(frozen=True, slots=True)
class Employment:
    user_id: UUID
    unit_id: UUID | None
    employer: str
    contract_end: date | None


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _version(row: dict[str, Any]) -> SchemeVersion:
    return SchemeVersion(
        version=int(row["version"]), effective_from=_as_date(row["effective_from"]),
        scheme=_decode(row["scheme"]), changed_by=row["changed_by"], changed_at=row["changed_at"],
    )


async def scheme_versions() -> list[SchemeVersion]:
    rows = await AssessmentScheme.select().order_by(AssessmentScheme.version)
    return [_version(row) for row in rows]


async def insert_scheme(version: SchemeVersion) -> None:
    await AssessmentScheme.insert(AssessmentScheme(
        version=version.version, effective_from=version.effective_from,
        scheme=_encode(version.scheme).decode(), changed_by=version.changed_by,
        changed_at=version.changed_at,
    ))


async def insert_manual_score(score: ManualScoreRecord) -> None:
    await ManualScore.insert(ManualScore(
        user_id=score.user_id, month=score.month, key=score.key, points=score.points,
        reason=score.reason, scored_by=score.scored_by, scored_at=score.scored_at,
    ))


async def manual_scores(month: str, user_ids: Sequence[UUID]) -> list[ManualScoreRecord]:
    """Oldest first (the latest of a user and key counts)."""
    if not user_ids:
        return []
    rows = await ManualScore.select().where(
        (ManualScore.month == month) & ManualScore.user_id.is_in(list(user_ids))
    ).order_by(ManualScore.id)
    return [
        ManualScoreRecord(
            user_id=r["user_id"], month=r["month"], key=r["key"], points=float(r["points"]),
            reason=r["reason"], scored_by=r["scored_by"], scored_at=r["scored_at"],
        )
        for r in rows
    ]


async def units() -> list[tuple[UUID, str]]:
    rows = await ManagementUnit.select().order_by(ManagementUnit.name)
    return [(row["id"], row["name"]) for row in rows]


async def insert_unit(unit_id: UUID, name: str) -> bool:
    done = await ManagementUnit.insert(ManagementUnit(id=unit_id, name=name)).on_conflict(
        action="DO NOTHING"
    ).returning(ManagementUnit.id)
    return bool(done)


async def employments(user_ids: Sequence[UUID] | None = None) -> dict[UUID, Employment]:
    query = StaffEmployment.select()
    if user_ids is not None:
        if not user_ids:
            return {}
        query = query.where(StaffEmployment.user_id.is_in(list(user_ids)))
    return {
        row["user_id"]: Employment(
            row["user_id"], row["unit_id"], row["employer"],
            _as_date(row["contract_end"]) if row["contract_end"] else None,
        )
        for row in await query
    }


async def save_employment(employment: Employment) -> None:
    await StaffEmployment.insert(StaffEmployment(
        user_id=employment.user_id, unit_id=employment.unit_id, employer=employment.employer,
        contract_end=employment.contract_end,
    )).on_conflict(
        target=StaffEmployment.user_id, action="DO UPDATE",
        values=[StaffEmployment.unit_id, StaffEmployment.employer, StaffEmployment.contract_end],
    )
