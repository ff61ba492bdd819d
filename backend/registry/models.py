"""Plain records of the registry domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.registry.sources import Source

SYSTEM_ACTOR_ID = UUID(int=0)
SYSTEM_ACTOR_NAME = "system"


@dataclass(frozen=True, slots=True)
class QueryRecord:
    id: UUID
    case_id: UUID
    source: Source
    purpose: str
    actor_id: UUID
    actor_name: str
    trigger: str  # manual | automatic
    status: str  # pending | done | failed
    at: datetime
    finished_at: datetime | None = None
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""
    result_sha256: str = ""
    consent_sha256: str = ""

    def but(self, **changes: Any) -> QueryRecord:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a query gives its caller: the row, the result (None unless done and kept) and
    the comparison flags for this source."""

    query: QueryRecord
    result: dict[str, Any] | None
    flags: list[dict[str, Any]]
