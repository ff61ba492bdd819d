"""Certificates' validity, withdrawal intervals and the properties a withdrawal rests on."""

from __future__ import annotations

from datetime import date, timedelta

from backend.verification.codes import FlagCode, Severity
from backend.verification.history_rules import certificates_expired, withdrawal_too_soon
from backend.verification.models import DocumentSnapshot, EarlierCase
from backend.verification.normalise import add_months
from backend.verification.policy import default_policy
from backend.verification.property_rules import property_found
from tests.unit.verification.rule_builders import (
    SUBMITTED,
    doc,
    earlier,
    history,
    marital,
    withdrawal,
)

POLICY = default_policy(SUBMITTED)  # no-housing 30 days, marital 90 days; 06 every 12 months


def no_housing(issued: date, has_property: str = "false") -> DocumentSnapshot:
    return doc(
        "no_housing_certificate",
        "doc-nh",
        issue_date=issued.isoformat(),
        has_property=has_property,
        query_result="经查询，未发现该申请人名下有不动产登记记录。",
    )


def test_a_no_housing_certificate_on_its_last_valid_day_is_valid() -> None:
    case = withdrawal("07", no_housing(SUBMITTED - timedelta(days=30)))
    assert certificates_expired(case, POLICY) == []


def test_a_no_housing_certificate_one_day_older_has_expired() -> None:
    issued = SUBMITTED - timedelta(days=31)
    flags = certificates_expired(withdrawal("07", no_housing(issued)), POLICY)
    assert [(f.code, f.severity, f.document_id) for f in flags] == [
        (FlagCode.CERTIFICATE_EXPIRED, Severity.ERROR, "doc-nh")
    ]
    assert flags[0].evidence["validUntil"] == (SUBMITTED - timedelta(days=1)).isoformat()
    assert "无房证明出具于" in flags[0].message


def test_the_marital_certificate_has_its_own_window() -> None:
    inside = withdrawal(
        "06", marital("已婚", issue_date=(SUBMITTED - timedelta(days=90)).isoformat())
    )
    outside = withdrawal(
        "06", marital("已婚", issue_date=(SUBMITTED - timedelta(days=91)).isoformat())
    )
    assert certificates_expired(inside, POLICY) == []
    assert [f.evidence["docType"] for f in certificates_expired(outside, POLICY)] == [
        "marital_status_certificate"
    ]


def test_an_unreadable_issue_date_is_left_to_field_checks() -> None:
    assert (
        certificates_expired(withdrawal("06", marital("已婚", issue_date="二〇二五年")), POLICY)
        == []
    )


def test_a_property_on_a_rent_withdrawal_is_found() -> None:
    flags = property_found(withdrawal("07", no_housing(SUBMITTED, "true")), POLICY)
    assert [(f.code, f.severity) for f in flags] == [(FlagCode.PROPERTY_FOUND, Severity.ERROR)]


def test_no_property_on_a_rent_withdrawal_is_fine() -> None:
    assert property_found(withdrawal("07", no_housing(SUBMITTED, "false")), POLICY) == []


def test_a_property_on_a_repayment_withdrawal_is_expected() -> None:
    assert property_found(withdrawal("06", no_housing(SUBMITTED, "true")), POLICY) == []


def approved_repayment(decided: date, case_id: str = "case-last") -> EarlierCase:
    return earlier(
        withdrawal("06", case_id=case_id, submitted_on=decided - timedelta(days=5)),
        "approved",
        decided,
    )


def test_a_withdrawal_twelve_months_after_the_last_is_allowed() -> None:
    last = approved_repayment(add_months(SUBMITTED, -12))
    assert withdrawal_too_soon(withdrawal("06"), history(last), POLICY) == []


def test_a_withdrawal_one_day_before_the_next_eligible_date_is_too_soon() -> None:
    last = approved_repayment(add_months(SUBMITTED, -12) + timedelta(days=1))
    flags = withdrawal_too_soon(withdrawal("06"), history(last), POLICY)
    assert [(f.code, f.severity) for f in flags] == [(FlagCode.WITHDRAWAL_TOO_SOON, Severity.ERROR)]
    assert flags[0].evidence["nextEligibleOn"] == (SUBMITTED + timedelta(days=1)).isoformat()
    assert flags[0].evidence["earlierCaseId"] == "case-last"


def test_a_leap_day_approval_is_eligible_again_on_the_28th_of_february() -> None:
    last = approved_repayment(date(2024, 2, 29))
    on_28 = withdrawal("06", submitted_on=date(2025, 2, 28))
    on_27 = withdrawal("06", submitted_on=date(2025, 2, 27))
    assert withdrawal_too_soon(on_28, history(last), POLICY) == []
    assert len(withdrawal_too_soon(on_27, history(last), POLICY)) == 1


def test_only_approved_withdrawals_of_the_same_reason_start_an_interval() -> None:
    returned = earlier(
        withdrawal("06", case_id="c1", submitted_on=SUBMITTED - timedelta(days=9)),
        "returned",
        SUBMITTED - timedelta(days=3),
    )
    rent = earlier(
        withdrawal("07", case_id="c2", submitted_on=SUBMITTED - timedelta(days=9)),
        "approved",
        SUBMITTED - timedelta(days=3),
    )
    assert withdrawal_too_soon(withdrawal("06"), history(returned, rent), POLICY) == []


def test_a_withdrawal_in_progress_blocks_another() -> None:
    pending = earlier(
        withdrawal("07", case_id="c-open", submitted_on=SUBMITTED - timedelta(days=2)),
        "needs_review",
    )
    flags = withdrawal_too_soon(withdrawal("06"), history(pending), POLICY)
    assert [(f.severity, f.evidence["earlierCaseId"]) for f in flags] == [
        (Severity.WARNING, "c-open")
    ]


def test_closing_reasons_have_no_interval() -> None:
    last = earlier(
        withdrawal("03", case_id="c3", submitted_on=SUBMITTED - timedelta(days=9)),
        "approved",
        SUBMITTED - timedelta(days=3),
    )
    assert withdrawal_too_soon(withdrawal("03"), history(last), POLICY) == []
