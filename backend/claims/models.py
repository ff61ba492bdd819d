"""Plain records of the claims domain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class LinkRecord:
    id: UUID
    case_id: UUID
    token_hash: str
    code_hash: str
    offered_by: UUID
    offered_at: datetime
    expires_at: datetime
    failed_attempts: int
    claimed_at: datetime | None
    claimed_unit: UUID | None
    claimed_by: UUID | None
