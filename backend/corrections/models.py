"""Plain records of the corrections domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid5


def correction_id(document_id: UUID, field: str) -> UUID:
    """One row per document field: a later correction of the same field replaces it."""
    return uuid5(document_id, field)


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """What the pipeline read from one case document (its stored reading)."""

    document_id: UUID
    doc_type: str
    fields: dict[str, Any]
    confidence: dict[str, float]
    result: dict[str, Any]  # the whole stored reading (missing, quality, rows…)
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Correction:
    document_id: UUID
    case_id: UUID
    doc_type: str
    field: str
    case_field: str
    read_value: str
    corrected_value: str
    confidence: float | None
    flagged: bool
    corrected_by: UUID
    corrected_by_name: str
    corrected_at: datetime

    @property
    def id(self) -> UUID:
        return correction_id(self.document_id, self.field)


@dataclass(frozen=True, slots=True)
class CorrectionRate:
    """Per document type and field: values read, how many staff corrected, and of those how
    many had been shown as read (at or above the threshold) — the errors that got through."""

    doc_type: str
    field: str
    read: int
    corrected: int
    corrected_unflagged: int

    @property
    def rate(self) -> float:
        return self.corrected / self.read if self.read else 0.0
