"""Amounts against documents, balance and policy caps; deposit ratios against policy."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from backend.verification.codes import FlagCode, Severity
from backend.verification.limits import amount_exceeds_limit, deposit_ratio_out_of_range
from backend.verification.models import DocumentSnapshot
from backend.verification.policy import PolicyEntry, build_policy, default_policy
from tests.unit.verification.rule_builders import SUBMITTED, doc, registration, withdrawal

POLICY = default_policy(SUBMITTED)  # 07 capped at 12000.00; ratios 5–12 %


def statement(total: str) -> DocumentSnapshot:
    return doc("repayment_statement", "doc-stmt", last_12_months_total=total)


def test_a_repayment_withdrawal_up_to_last_years_repayments_is_fine() -> None:
    case = withdrawal("06", statement("36000.00"), amount="36000.00")
    assert amount_exceeds_limit(case, POLICY) == []


def test_one_cent_above_last_years_repayments_exceeds_the_limit() -> None:
    case = withdrawal("06", statement("36,000.00"), amount="36000.01")
    flags = amount_exceeds_limit(case, POLICY)
    assert [(f.code, f.severity, f.document_id) for f in flags] == [
        (FlagCode.AMOUNT_EXCEEDS_LIMIT, Severity.ERROR, "doc-stmt")
    ]
    assert flags[0].evidence == {
        "amount": "36000.01",
        "limit": "36000.00",
        "basis": "last_12_months_total",
        "documentId": "doc-stmt",
    }


def test_a_partial_withdrawal_may_not_empty_the_account() -> None:
    below = withdrawal("06", amount="9999.99", balance=Decimal("10000.00"))
    equal = withdrawal("06", amount="10000.00", balance=Decimal("10000.00"))
    assert amount_exceeds_limit(below, POLICY) == []
    assert [f.evidence["basis"] for f in amount_exceeds_limit(equal, POLICY)] == ["balance"]


def test_a_closing_withdrawal_may_take_the_whole_balance_but_no_more() -> None:
    whole = withdrawal("03", amount="10000.00", balance=Decimal("10000.00"))
    more = withdrawal("03", amount="10000.01", balance=Decimal("10000.00"))
    assert amount_exceeds_limit(whole, POLICY) == []
    assert len(amount_exceeds_limit(more, POLICY)) == 1


def test_an_unknown_balance_is_not_a_limit() -> None:
    assert amount_exceeds_limit(withdrawal("03", amount="99999999.00"), POLICY) == []


def test_the_policy_cap_applies_at_and_above_the_cap() -> None:
    assert amount_exceeds_limit(withdrawal("07", amount="12000.00"), POLICY) == []
    flags = amount_exceeds_limit(withdrawal("07", amount="12000.01"), POLICY)
    assert [f.evidence["basis"] for f in flags] == ["policy_cap"]
    assert flags[0].evidence["policy"]["key"] == "amount_cap.07"


def test_the_cap_in_force_on_the_submission_date_is_the_one_used() -> None:
    raised = build_policy(
        SUBMITTED, [PolicyEntry("amount_cap.07", "20000.00", date(2026, 1, 1), "测试")]
    )
    assert amount_exceeds_limit(withdrawal("07", amount="15000.00"), raised) == []


def test_an_unreadable_amount_is_left_to_field_checks() -> None:
    assert amount_exceeds_limit(withdrawal("07", amount="一万"), POLICY) == []


def test_ratios_at_the_bounds_are_fine() -> None:
    case = registration(unit_deposit_ratio="5%", personal_deposit_ratio="12")
    assert deposit_ratio_out_of_range(case, POLICY) == []


def test_a_ratio_outside_the_bounds_is_a_warning_per_field_and_source() -> None:
    form = doc(
        "unit_registration_form", "doc-form", unit_deposit_ratio="13%", personal_deposit_ratio="12%"
    )
    flags = deposit_ratio_out_of_range(registration(form, personal_deposit_ratio="4.99%"), POLICY)
    assert [(f.code, f.severity, f.field, f.document_id) for f in flags] == [
        (FlagCode.DEPOSIT_RATIO_OUT_OF_RANGE, Severity.WARNING, "personal_deposit_ratio", None),
        (FlagCode.DEPOSIT_RATIO_OUT_OF_RANGE, Severity.WARNING, "unit_deposit_ratio", "doc-form"),
    ]
