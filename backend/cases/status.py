"""Case statuses and the moves between them (pure)."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PROCESSING = "processing"
    NEEDS_REVIEW = "needs_review"
    APPROVED = "approved"
    RETURNED = "returned"


class CaseKind(StrEnum):
    WITHDRAWAL = "withdrawal"
    UNIT_REGISTRATION = "unit_registration"


class ReviewDecision(StrEnum):
    APPROVE = "APPROVE"
    RETURN = "RETURN"


# A device may change a case only while it is with the device: before submission or after
# a supervisor returned it. Anything else is the server's to decide.
DEVICE_EDITABLE = frozenset({CaseStatus.DRAFT, CaseStatus.RETURNED})
SUBMITTABLE = DEVICE_EDITABLE
REVIEWABLE = frozenset({CaseStatus.SUBMITTED, CaseStatus.PROCESSING, CaseStatus.NEEDS_REVIEW})

DECISION_STATUS = {
    ReviewDecision.APPROVE: CaseStatus.APPROVED,
    ReviewDecision.RETURN: CaseStatus.RETURNED,
}
