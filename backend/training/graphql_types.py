"""GraphQL types of training (shaped from the domain's records)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from backend.accounts.graphql import UserType
from backend.training.analysis import MissCount
from backend.training.diff import DiffLine
from backend.training.models import AcknowledgementRecord, AttemptRecord, DrillRecord, Missed
from backend.training.topics import topic_label


@strawberry.type
class DrillType:
    id: strawberry.ID
    title: str
    kind: str = strawberry.field(description="案件类型：withdrawal | unit_registration")
    source: str = strawberry.field(description="generated | promoted | authored")
    brief: str
    document_count: int

    @classmethod
    def of(cls, drill: DrillRecord) -> DrillType:
        return cls(
            id=strawberry.ID(str(drill.id)), title=drill.title, kind=drill.case_kind,
            source=drill.source, brief=drill.brief, document_count=len(drill.photos),
        )


@strawberry.type
class StartedDrill:
    attempt_id: strawberry.ID
    case_id: strawberry.ID


@strawberry.type
class MissedItem:
    kind: str = strawberry.field(description="field | flag | decision")
    key: str
    label: str = strawberry.field(description="中文名称")
    expected: str | None
    given: str | None
    explanation: str
    article_id: strawberry.ID | None

    @classmethod
    def of(cls, item: Missed, articles: dict[str, UUID]) -> MissedItem:
        article = articles.get(item.article_slug or "")
        return cls(
            kind=item.kind, key=item.key, label=topic_label(item.kind, item.key),
            expected=item.expected, given=item.given, explanation=item.explanation,
            article_id=strawberry.ID(str(article)) if article else None,
        )


@strawberry.type
class DrillResult:
    attempt_id: strawberry.ID
    score: float
    max_score: float
    seconds: float | None
    missed: list[MissedItem]

    @classmethod
    def of(cls, attempt: AttemptRecord, articles: dict[str, UUID]) -> DrillResult:
        return cls(
            attempt_id=strawberry.ID(str(attempt.id)), score=attempt.score or 0.0,
            max_score=attempt.max_score or 0.0, seconds=attempt.seconds,
            missed=[MissedItem.of(m, articles) for m in attempt.missed],
        )


@strawberry.type
class AttemptType:
    attempt_id: strawberry.ID
    drill_id: strawberry.ID
    case_id: strawberry.ID
    title: str
    score: float | None
    max_score: float | None
    started_at: datetime
    finished_at: datetime | None
    seconds: float | None
    missed: list[MissedItem]

    @classmethod
    def of(cls, attempt: AttemptRecord, title: str, articles: dict[str, UUID]) -> AttemptType:
        return cls(
            attempt_id=strawberry.ID(str(attempt.id)),
            drill_id=strawberry.ID(str(attempt.drill_id)),
            case_id=strawberry.ID(str(attempt.case_id)), title=title, score=attempt.score,
            max_score=attempt.max_score, started_at=attempt.started_at,
            finished_at=attempt.finished_at, seconds=attempt.seconds,
            missed=[MissedItem.of(m, articles) for m in attempt.missed],
        )


@strawberry.type
class AcknowledgementType:
    article_id: strawberry.ID
    version: int
    passed: bool | None
    at: datetime

    @classmethod
    def of(cls, ack: AcknowledgementRecord) -> AcknowledgementType:
        return cls(
            article_id=strawberry.ID(str(ack.article_id)), version=ack.version,
            passed=ack.passed, at=ack.at,
        )


@strawberry.type
class TrainingRecordType:
    attempts: list[AttemptType]
    acknowledgements: list[AcknowledgementType]


@strawberry.type
class AcknowledgeResult:
    passed: bool | None = strawberry.field(description="答题是否全对；无题目时为 null")


@strawberry.type
class MissCountType:
    user: UserType | None
    kind: str
    key: str
    label: str
    missed: int
    attempts: int

    @classmethod
    def of(cls, row: MissCount, users: dict[UUID, UserType]) -> MissCountType:
        return cls(
            user=users.get(row.user_id) if row.user_id else None, kind=row.kind, key=row.key,
            label=row.label, missed=row.missed, attempts=row.attempts,
        )


@strawberry.type
class ChangeLine:
    op: str = strawberry.field(description="equal | insert | delete")
    text: str

    @classmethod
    def of(cls, line: DiffLine) -> ChangeLine:
        return cls(op=line.op, text=line.text)


@strawberry.type
class PolicyQuestion:
    question: str
    options: list[str]


@strawberry.type
class PolicyCheckType:
    article_id: strawberry.ID
    version: int
    title: str
    due_days: int
    required_at: datetime
    questions: list[PolicyQuestion]
    changes: list[ChangeLine]
    acknowledged_at: datetime | None
    passed: bool | None


@strawberry.type
class PolicyCheckStatus:
    version: int = strawberry.field(description="现行版本")
    unacknowledged: list[UserType]
