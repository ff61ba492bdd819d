"""Marital status against the same person's earlier submissions."""

from __future__ import annotations

from datetime import date, timedelta

from backend.verification.codes import FlagCode, Severity
from backend.verification.marital_rules import (
    marital_status_changed_recently,
    marital_status_reversed,
)
from backend.verification.models import EarlierCase
from backend.verification.policy import default_policy
from tests.unit.verification.rule_builders import (
    SUBMITTED,
    earlier,
    history,
    marital,
    withdrawal,
)

POLICY = default_policy(SUBMITTED)  # recent_divorce_days = 365


def married_in(day: date, case_id: str = "case-2025", status: str = "已婚") -> EarlierCase:
    return earlier(
        withdrawal("06", marital(status, doc_id="doc-old"), case_id=case_id, submitted_on=day)
    )


def test_married_then_never_married_is_reversed_with_the_earlier_case() -> None:
    case = withdrawal("07", marital("未婚"))
    flags = marital_status_reversed(case, history(married_in(date(2025, 3, 2))))
    assert [(f.code, f.severity) for f in flags] == [
        (FlagCode.MARITAL_STATUS_REVERSED, Severity.ERROR)
    ]
    assert flags[0].message.startswith(
        "婚姻状况由“已婚”变为“未婚”（上次提交：2025-03-02，案件 case-2025）"
    )
    assert flags[0].evidence["earlierCaseId"] == "case-2025"


def test_gb_codes_and_remarriage_count_as_married() -> None:
    case = withdrawal("07", marital("10"))
    assert (
        len(marital_status_reversed(case, history(married_in(date(2025, 3, 2), status="再婚"))))
        == 1
    )


def test_the_case_field_is_a_declaration_too() -> None:
    case = withdrawal("07", marital_status="未婚")
    assert len(marital_status_reversed(case, history(married_in(date(2025, 3, 2))))) == 1


def test_never_married_twice_is_not_reversed() -> None:
    case = withdrawal("07", marital("未婚"))
    assert marital_status_reversed(case, history(married_in(date(2025, 3, 2), status="未婚"))) == []


def test_married_then_divorced_is_not_reversed() -> None:
    case = withdrawal("07", marital("离婚"))
    assert marital_status_reversed(case, history(married_in(date(2025, 3, 2)))) == []


def test_a_later_case_does_not_count_as_earlier() -> None:
    case = withdrawal("07", marital("未婚"))
    assert marital_status_reversed(case, history(married_in(SUBMITTED + timedelta(days=1)))) == []


def test_the_same_case_resubmitted_is_not_its_own_history() -> None:
    case = withdrawal("07", marital("未婚"))
    assert (
        marital_status_reversed(case, history(married_in(date(2025, 3, 2), case_id="case-now")))
        == []
    )


def test_a_divorce_certificate_issued_inside_the_window_is_recent() -> None:
    issued = SUBMITTED - timedelta(days=364)
    case = withdrawal("06", marital("离婚", issue_date=issued.isoformat()))
    flags = marital_status_changed_recently(case, history(), POLICY)
    assert [(f.code, f.severity) for f in flags] == [
        (FlagCode.MARITAL_STATUS_CHANGED_RECENTLY, Severity.WARNING)
    ]
    assert flags[0].evidence["issueDate"] == issued.isoformat()
    assert flags[0].evidence["policy"]["key"] == "recent_divorce_days"


def test_exactly_at_the_window_edge_is_still_recent() -> None:
    issued = SUBMITTED - timedelta(days=365)
    case = withdrawal("06", marital("离婚", issue_date=issued.isoformat()))
    assert len(marital_status_changed_recently(case, history(), POLICY)) == 1


def test_one_day_outside_the_window_is_not_recent() -> None:
    issued = SUBMITTED - timedelta(days=366)
    case = withdrawal("06", marital("离婚", issue_date=issued.isoformat()))
    assert marital_status_changed_recently(case, history(), POLICY) == []


def test_married_in_an_earlier_submission_inside_the_window_is_recent() -> None:
    case = withdrawal("06", marital("离婚", issue_date="2020-01-01"))
    flags = marital_status_changed_recently(case, history(married_in(date(2025, 9, 1))), POLICY)
    assert flags[0].evidence["earlierCaseId"] == "case-2025"
    assert "仍为“已婚”" in flags[0].message


def test_married_long_before_the_window_is_not_recent() -> None:
    case = withdrawal("06", marital("离婚", issue_date="2020-01-01"))
    assert (
        marital_status_changed_recently(case, history(married_in(date(2024, 1, 1))), POLICY) == []
    )


def test_not_divorced_is_never_a_recent_divorce() -> None:
    case = withdrawal("06", marital("已婚", issue_date="2026-03-01"))
    assert marital_status_changed_recently(case, history(), POLICY) == []
