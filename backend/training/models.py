"""Plain records of the training domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """What a drill's photos truly say and what a careful reviewer decides."""

    fields: dict[str, str]  # case field key → expected value
    flags: tuple[str, ...]  # risk codes the case should raise (verification codes)
    decision: str  # APPROVE | RETURN
    return_reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "fields": self.fields,
            "flags": list(self.flags),
            "decision": self.decision,
            "returnReason": self.return_reason,
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> AnswerKey:
        return cls(
            fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
            flags=tuple(str(c) for c in data.get("flags") or ()),
            decision=str(data.get("decision") or "APPROVE"),
            return_reason=data.get("returnReason"),
        )


@dataclass(frozen=True, slots=True)
class DrillPhoto:
    sha256: str
    doc_type: str


@dataclass(frozen=True, slots=True)
class DrillRecord:
    id: UUID
    title: str
    source: str  # generated | promoted | authored
    case_kind: str
    brief: str
    key: AnswerKey
    photos: tuple[DrillPhoto, ...]
    active: bool
    created_by: UUID | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TraineeAnswer:
    """What the trainee concluded beside the fields: the flags they raise and the decision."""

    flags: tuple[str, ...] = ()
    decision: str | None = None
    reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"flags": list(self.flags), "decision": self.decision, "reason": self.reason}

    @classmethod
    def of(cls, data: dict[str, Any]) -> TraineeAnswer:
        return cls(
            flags=tuple(str(c) for c in data.get("flags") or ()),
            decision=data.get("decision"),
            reason=data.get("reason"),
        )


@dataclass(frozen=True, slots=True)
class Missed:
    kind: str  # field | flag | decision
    key: str
    expected: str | None
    given: str | None
    explanation: str
    article_slug: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "key": self.key, "expected": self.expected, "given": self.given,
            "explanation": self.explanation, "articleSlug": self.article_slug,
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> Missed:
        return cls(
            kind=data["kind"], key=data["key"], expected=data.get("expected"),
            given=data.get("given"), explanation=data.get("explanation", ""),
            article_slug=data.get("articleSlug"),
        )


@dataclass(frozen=True, slots=True)
class Score:
    score: float
    max_score: float
    missed: tuple[Missed, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    id: UUID
    drill_id: UUID
    user_id: UUID
    case_id: UUID
    started_at: datetime
    answer: TraineeAnswer
    finished_at: datetime | None = None
    score: float | None = None
    max_score: float | None = None
    missed: tuple[Missed, ...] = ()

    @property
    def seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


@dataclass(frozen=True, slots=True)
class AcknowledgementRecord:
    user_id: UUID
    article_id: UUID
    version: int
    passed: bool | None
    at: datetime


@dataclass(frozen=True, slots=True)
class PolicyCheckRecord:
    article_id: UUID
    version: int
    questions: tuple[dict[str, Any], ...]
    required_by: UUID
    required_at: datetime
    due_days: int
