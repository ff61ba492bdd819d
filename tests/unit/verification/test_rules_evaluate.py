"""The one entry point: every rule family on one case."""

from __future__ import annotations

import json
from datetime import date

from backend.verification.codes import FlagCode
from backend.verification.evaluate import evaluate
from backend.verification.models import DocumentSnapshot, PersonHistory
from backend.verification.policy import default_policy
from tests.unit.verification.rule_builders import (
    LI_ID,
    SUBMITTED,
    ZHANG_ID,
    doc,
    earlier,
    history,
    id_card,
    marital,
    withdrawal,
)

POLICY = default_policy(SUBMITTED)
HOME = "钟山区钟山西路363号1栋3单元1301号"


def clean_repayment() -> list[DocumentSnapshot]:
    return [
        id_card(),
        doc(
            "loan_contract",
            borrower_name="张伟",
            borrower_id_number=ZHANG_ID,
            property_address=HOME,
        ),
        doc("repayment_statement", borrower_name="张伟", last_12_months_total="36000.00"),
        marital("已婚", issue_date="2026-02-20"),
    ]


def test_a_clean_repayment_withdrawal_raises_no_flag() -> None:
    case = withdrawal("06", *clean_repayment())
    assert evaluate(case, PersonHistory(ZHANG_ID), [], POLICY) == []


def test_a_doubtful_case_raises_each_rule_once_with_json_evidence() -> None:
    before = withdrawal("06", marital("已婚"), case_id="case-2025", submitted_on=date(2025, 3, 2))
    neighbour = withdrawal(
        "06",
        doc("loan_contract", "doc-li", property_address=HOME),
        case_id="case-li",
        name="李娜",
        id_number=LI_ID,
    )
    case = withdrawal(
        "07",
        id_card(name="张玮"),
        doc("rental_contract", tenant_name="张伟", rental_address=HOME),
        doc("no_housing_certificate", issue_date="2025-12-01", has_property="true"),
        marital("未婚"),
        amount="13000.00",
    )
    flags = evaluate(case, history(earlier(before)), [earlier(neighbour)], POLICY)
    assert sorted(f.code for f in flags) == sorted(
        [
            FlagCode.ID_MISMATCH,
            FlagCode.MARITAL_STATUS_REVERSED,
            FlagCode.CERTIFICATE_EXPIRED,
            FlagCode.PROPERTY_FOUND,
            FlagCode.PROPERTY_REUSED,
            FlagCode.AMOUNT_EXCEEDS_LIMIT,
        ]
    )
    assert json.loads(json.dumps([f.to_json() for f in flags]))[0]["message"]
