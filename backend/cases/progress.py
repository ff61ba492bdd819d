"""How a submitted case moves while its documents are read (pure).

``submitted`` → ``processing`` when one of its documents starts being read → ``needs_review``
once none is waiting (read, or failed: a person decides). A case with nothing to read goes
to ``needs_review`` on submission.
"""

from __future__ import annotations

from collections.abc import Iterable

from backend.cases.status import CaseStatus

# Document statuses: pending_upload → uploaded → processed | failed.
WAITING = frozenset({"pending_upload", "uploaded"})
DONE = frozenset({"processed", "failed"})
IN_FLIGHT = frozenset({CaseStatus.SUBMITTED, CaseStatus.PROCESSING})


def any_waiting(document_statuses: Iterable[str]) -> bool:
    return any(status in WAITING for status in document_statuses)


def after_submit(document_statuses: Iterable[str]) -> CaseStatus:
    """Where a case goes right after its (re)submission."""
    if any_waiting(document_statuses):
        return CaseStatus.SUBMITTED
    return CaseStatus.NEEDS_REVIEW


def when_reading_starts(status: CaseStatus) -> CaseStatus:
    return CaseStatus.PROCESSING if status == CaseStatus.SUBMITTED else status


def when_document_done(status: CaseStatus, document_statuses: Iterable[str]) -> CaseStatus:
    """After a document is read (or given up on): needs_review once nothing waits."""
    if status in IN_FLIGHT and not any_waiting(document_statuses):
        return CaseStatus.NEEDS_REVIEW
    return status


def may_fill_fields(status: CaseStatus) -> bool:
    """Read values fill empty fields until a decision is taken."""
    return status not in (CaseStatus.APPROVED,)
