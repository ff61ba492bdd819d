"""Statuses read in Chinese in messages to people."""

from backend.cases.status import STATUS_LABELS, CaseStatus, status_label


def test_every_status_has_a_chinese_label() -> None:
    assert set(STATUS_LABELS) == set(CaseStatus)
    assert status_label("approved") == "已通过"
    assert status_label(CaseStatus.NEEDS_REVIEW) == "待审核"


def test_an_unknown_status_is_shown_as_it_is() -> None:
    assert status_label("archived") == "archived"
