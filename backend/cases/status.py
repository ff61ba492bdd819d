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


# How a status reads in messages to people (the PWA shows the same words).
STATUS_LABELS = {
    CaseStatus.DRAFT: "草稿",
    CaseStatus.SUBMITTED: "已提交",
    CaseStatus.PROCESSING: "处理中",
    CaseStatus.NEEDS_REVIEW: "待审核",
    CaseStatus.APPROVED: "已通过",
    CaseStatus.RETURNED: "已退回",
}


def status_label(status: str) -> str:
    """「已通过」 for ``approved``; an unknown value is shown as it is."""
    try:
        return STATUS_LABELS[CaseStatus(status)]
    except ValueError:
        return status


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
