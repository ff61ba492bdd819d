"""The kinds of notification other domains may send."""

from __future__ import annotations

from enum import StrEnum


class NotificationKind(StrEnum):
    CASE_RETURNED = "case_returned"
    RISK_FLAGGED = "risk_flagged"
    CASE_APPROVED = "case_approved"
    REGISTRATION_APPROVED = "registration_approved"
    ARTICLE_PUBLISHED = "article_published"
    FEEDBACK_ANSWERED = "feedback_answered"
    CONSULTATION_WAITING = "consultation_waiting"  # a question arrived while on 在线客服 duty
    POLICY_CHECK = "policy_check"  # a must-know article version to acknowledge (training)
    VISIT_ASSIGNED = "visit_assigned"
    WORK_HANDED_OVER = "work_handed_over"
