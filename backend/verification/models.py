"""Plain inputs and outputs of the verification rules (frozen; no ORM rows, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity

IN_PROGRESS_STATUSES = frozenset({"submitted", "processing", "needs_review"})
COUNTING_STATUSES = IN_PROGRESS_STATUSES | {"approved"}


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding for a person to weigh: which rule fired, on what evidence."""

    code: FlagCode
    severity: Severity
    message: str  # Chinese, says what to check
    evidence: dict[str, Any]  # JSON-able: the values compared, documents and cases involved
    field: str | None = None
    document_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "field": self.field,
            "documentId": self.document_id,
            "message": self.message,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class DocumentSnapshot:
    id: str
    doc_type: str | None  # None until classified
    status: str  # the cases domain's document status, e.g. pending_upload | uploaded
    fields: dict[str, str]
    photo_hash: str | None = None  # see backend.verification.images.photo_hash


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    id: str
    kind: str  # withdrawal | unit_registration
    fields: dict[str, str]
    submitted_on: date
    documents: tuple[DocumentSnapshot, ...] = ()
    # The member's fund balance when the centre's account system supplies it.
    account_balance: Decimal | None = None

    def documents_of(self, doc_type: str) -> list[DocumentSnapshot]:
        return [d for d in self.documents if d.doc_type == doc_type]

    @property
    def subject(self) -> str:
        """Whom the case is about: the applicant's ID number, or the unit's USCC."""
        key = "uscc" if self.kind == "unit_registration" else "id_number"
        return normalise.id_number(self.fields.get(key))


@dataclass(frozen=True, slots=True)
class EarlierCase:
    """Another case (earlier, or of another person) with how far it got."""

    snapshot: CaseSnapshot
    status: str  # submitted | processing | needs_review | approved | returned | draft
    decided_on: date | None = None  # the approval (or return) date

    @property
    def counts(self) -> bool:
        """A withdrawal that happened or is under way (drafts and returned cases do not)."""
        return self.status in COUNTING_STATUSES

    @property
    def in_progress(self) -> bool:
        return self.status in IN_PROGRESS_STATUSES


@dataclass(frozen=True, slots=True)
class PersonHistory:
    """The same person's other cases, found by ID number."""

    id_number: str
    cases: tuple[EarlierCase, ...] = ()
