"""Plain records of the documents domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading one case document produced, or why it could not be read."""

    document_id: UUID
    case_id: UUID
    sha256: str
    declared_type: str | None
    detected_type: str | None
    status: str  # processing | processed | failed
    attempts: int
    result: dict[str, Any]
    case_checks: list[dict[str, Any]]
    error_code: str | None
    error_message: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class QueuePlace:
    """Where a document waiting to be read stands in the OCR queue."""

    document_id: UUID
    position: int  # 0: being read now; n: n-th in line
    estimated_seconds: int | None  # at the recent throughput; None when there is none
