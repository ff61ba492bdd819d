"""The same home behind several withdrawals (addresses in normal form)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, EarlierCase
from backend.verification.normalise import add_months, address
from backend.verification.policy import default_policy
from backend.verification.property_rules import property_reused
from tests.unit.verification.rule_builders import (
    LI_ID,
    SUBMITTED,
    ZHANG_SPOUSE_ID,
    doc,
    earlier,
    withdrawal,
)

POLICY = default_policy(SUBMITTED)
HOME = "贵州省六盘水市钟山区杨柳街道钟山西路363号1栋3单元1301号"


def loan_case(
    case_id: str,
    submitted_on: date,
    where: str = HOME,
    status: str = "approved",
    reason: str = "06",
    **fields: str,
) -> EarlierCase:
    loan = doc("loan_contract", f"{case_id}-loan", property_address=where)
    case = withdrawal(reason, loan, case_id=case_id, submitted_on=submitted_on)
    return earlier(replace(case, fields=case.fields | fields), status)


def now_case() -> CaseSnapshot:
    return withdrawal("06", doc("loan_contract", property_address=HOME))


def test_addresses_written_differently_have_one_normal_form() -> None:
    assert address(HOME) == address("钟山区杨柳街道钟山西路363号1幢3单元1301室")
    assert address(HOME) == address("六盘水市 钟山区杨柳街道钟山西路３６３号１栋３单元１３０１号")
    assert address(HOME) != address("钟山区杨柳街道钟山西路363号1栋3单元1302号")


def test_another_persons_withdrawal_on_the_same_home_is_flagged() -> None:
    other = loan_case(
        "c-li",
        date(2023, 1, 1),
        "钟山区杨柳街道钟山西路363号1幢3单元1301室",
        name="李娜",
        id_number=LI_ID,
    )
    flags = property_reused(now_case(), [other], POLICY)
    assert [(f.code, f.severity) for f in flags] == [(FlagCode.PROPERTY_REUSED, Severity.WARNING)]
    assert flags[0].evidence["earlierCaseId"] == "c-li"
    assert flags[0].evidence["samePerson"] is False
    assert "李娜" in flags[0].message


def test_the_recorded_spouse_on_the_same_home_is_only_information() -> None:
    spouse = loan_case("c-spouse", date(2025, 6, 1), name="刘芳", id_number=ZHANG_SPOUSE_ID)
    case = withdrawal(
        "06",
        doc("loan_contract", property_address=HOME),
        spouse_name="刘芳",
        spouse_id_number=ZHANG_SPOUSE_ID,
    )
    assert [f.severity for f in property_reused(case, [spouse], POLICY)] == [Severity.INFO]


def test_another_home_is_not_reuse() -> None:
    other = loan_case("c-li", date(2025, 6, 1), "钟山区凤凰街道1号", id_number=LI_ID)
    assert property_reused(now_case(), [other], POLICY) == []


def test_drafts_and_returned_cases_are_not_withdrawals() -> None:
    cases = [
        loan_case("c1", date(2025, 6, 1), status="draft", id_number=LI_ID),
        loan_case("c2", date(2025, 6, 1), status="returned", id_number=LI_ID),
    ]
    assert property_reused(now_case(), cases, POLICY) == []


def test_the_same_person_twice_inside_twelve_months_is_flagged() -> None:
    mine = loan_case("c-mine", add_months(SUBMITTED, -12) + timedelta(days=1))
    flags = property_reused(now_case(), [mine], POLICY)
    assert [f.evidence["samePerson"] for f in flags] == [True]


def test_the_same_person_exactly_twelve_months_later_is_not_reuse() -> None:
    mine = loan_case("c-mine", add_months(SUBMITTED, -12))
    assert property_reused(now_case(), [mine], POLICY) == []


def test_twelve_months_from_a_leap_day_end_on_the_28th_of_february() -> None:
    mine = loan_case("c-mine", date(2024, 2, 29))
    case_28 = withdrawal(
        "06", doc("loan_contract", property_address=HOME), submitted_on=date(2025, 2, 28)
    )
    case_27 = withdrawal(
        "06", doc("loan_contract", property_address=HOME), submitted_on=date(2025, 2, 27)
    )
    assert property_reused(case_28, [mine], POLICY) == []
    assert len(property_reused(case_27, [mine], POLICY)) == 1


def test_the_same_person_renting_the_same_flat_again_is_not_reuse() -> None:
    rent = doc("rental_contract", "c-r-rent", rental_address=HOME)
    mine = earlier(withdrawal("07", rent, case_id="c-r", submitted_on=add_months(SUBMITTED, -3)))
    case = withdrawal("07", doc("rental_contract", rental_address=HOME))
    assert property_reused(case, [mine], POLICY) == []


def test_the_case_itself_is_not_reuse() -> None:
    mine = loan_case("case-now", date(2026, 1, 1))
    assert property_reused(now_case(), [mine], POLICY) == []
