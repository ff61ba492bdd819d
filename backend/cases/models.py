"""Plain records of the cases domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.cases.policy import CaseParties
from backend.cases.status import CaseKind, CaseStatus


@dataclass(frozen=True, slots=True)
class CaseRecord:
    id: UUID
    kind: CaseKind
    status: CaseStatus
    fields: dict[str, Any]
    field_meta: dict[str, Any]
    conflicts: list[dict[str, Any]]
    version: int
    creator: UUID
    assignee: UUID | None
    team_id: UUID | None
    unit_id: UUID | None
    created_at: datetime
    updated_at: datetime
    practice: bool = False  # 模拟演练: see backend/cases/practice.py

    @property
    def parties(self) -> CaseParties:
        return CaseParties(self.kind, self.creator, self.assignee, self.team_id, self.unit_id)

    def next(self, at: datetime, **changes: Any) -> CaseRecord:
        """The case after a change: a new version, the given attributes replaced."""
        return replace(self, version=self.version + 1, updated_at=at, **changes)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: UUID
    case_id: UUID
    doc_type: str | None
    sha256: str
    status: str  # pending_upload | uploaded
    fields: dict[str, Any]
    checks: list[dict[str, Any]]
    version: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    case_id: UUID
    at: datetime
    actor: UUID
    actor_name: str
    client_id: str | None
    action: str
    from_status: str | None
    to_status: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change, and from which sync client (None: the web, a server decision)."""

    user: UserRecord
    client_id: str | None = None


@dataclass(frozen=True, slots=True)
class CaseView:
    """One case as ``case(id)`` shows it to one user."""

    case: CaseRecord
    fields: dict[str, Any]  # masked unless the user may see full identity numbers
    assignee: UserRecord | None
    documents: list[DocumentRecord]
    history: list[HistoryEntry]


@dataclass(frozen=True, slots=True)
class CasePage:
    cases: list[CaseRecord]  # fields already masked
    end_cursor: str | None
    has_next_page: bool
    cursors: list[str] = field(default_factory=list)  # one per case, tied to the filter
    risks: dict[UUID, str] = field(default_factory=dict)  # case id → none, warning, error
    assignees: dict[UUID, UserRecord] = field(default_factory=dict)  # user id → the user


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What a case list (the review queue) is narrowed to; None means any."""

    status: str | None = None
    risk: str | None = None  # highest severity of flags and checks: none, warning, error
    staff_id: UUID | None = None  # the field worker: the assignee, else the creator
    submitted_from: datetime | None = None  # some submission at or after
    submitted_before: datetime | None = None  # ... and before

    def key(self) -> str:
        """The filter as text, so a page cursor can be tied to the filter it came from."""
        parts = (self.status, self.risk, self.staff_id, self.submitted_from, self.submitted_before)
        return "|".join("" if p is None else str(p) for p in parts)
