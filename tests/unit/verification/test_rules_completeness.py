"""Completeness: required materials and fields per business type."""

from __future__ import annotations

from datetime import date

from backend.verification.codes import FlagCode, Severity
from backend.verification.completeness import missing_documents, missing_fields
from backend.verification.policy import PolicyEntry, build_policy, default_policy
from tests.unit.verification.rule_builders import (
    SUBMITTED,
    doc,
    id_card,
    marital,
    registration,
    withdrawal,
)

POLICY = default_policy(SUBMITTED)
REPAYMENT_DOCS = (
    id_card(),
    doc("loan_contract"),
    doc("repayment_statement"),
    marital("已婚"),
)


def test_a_repayment_withdrawal_with_every_material_has_none_missing() -> None:
    assert missing_documents(withdrawal("06", *REPAYMENT_DOCS), POLICY) == []


def test_each_absent_material_is_flagged_with_its_policy_row() -> None:
    flags = missing_documents(withdrawal("06", id_card()), POLICY)
    assert [f.evidence["docType"] for f in flags] == [
        "loan_contract",
        "repayment_statement",
        "marital_status_certificate",
    ]
    assert {f.code for f in flags} == {FlagCode.DOCUMENT_MISSING}
    assert all(f.severity == Severity.ERROR for f in flags)
    assert flags[0].evidence["policy"]["key"] == "materials.withdrawal.06"
    assert "偿还购房贷款本息提取须提交借款合同" in flags[0].message


def test_a_material_still_uploading_is_a_warning_naming_the_document() -> None:
    pending = doc("loan_contract", "doc-pending", status="pending_upload")
    flags = missing_documents(
        withdrawal("06", *REPAYMENT_DOCS[:1], pending, *REPAYMENT_DOCS[2:]), POLICY
    )
    assert [(f.severity, f.document_id) for f in flags] == [(Severity.WARNING, "doc-pending")]


def test_a_retirement_withdrawal_needs_only_the_id_card() -> None:
    assert missing_documents(withdrawal("03", id_card()), POLICY) == []
    assert [f.evidence["docType"] for f in missing_documents(withdrawal("03"), POLICY)] == [
        "id_card"
    ]


def test_a_rent_withdrawal_needs_the_no_housing_certificate() -> None:
    flags = missing_documents(
        withdrawal("07", id_card(), doc("rental_contract"), marital("未婚")), POLICY
    )
    assert [f.evidence["docType"] for f in flags] == ["no_housing_certificate"]


def test_unit_registration_needs_licence_id_card_and_form() -> None:
    flags = missing_documents(registration(doc("business_licence")), POLICY)
    assert sorted(f.evidence["docType"] for f in flags) == ["id_card", "unit_registration_form"]


def test_the_policy_in_force_decides_what_is_required() -> None:
    rows = [
        PolicyEntry(
            "materials.withdrawal.03",
            ["id_card", "marital_status_certificate"],
            date(2026, 1, 1),
            "测试",
        )
    ]
    stricter = build_policy(SUBMITTED, rows)
    assert len(missing_documents(withdrawal("03", id_card()), stricter)) == 1


def test_unclassified_documents_count_for_nothing() -> None:
    unknown = doc("id_card")
    unclassified = type(unknown)(unknown.id, None, "uploaded", {}, None)
    assert len(missing_documents(withdrawal("03", unclassified), POLICY)) == 1


def test_a_complete_withdrawal_misses_no_field() -> None:
    assert missing_fields(withdrawal("06"), POLICY) == []


def test_each_empty_required_field_is_flagged() -> None:
    flags = missing_fields(withdrawal("06", amount="", bank_account="  "), POLICY)
    assert [(f.code, f.field) for f in flags] == [
        (FlagCode.FIELD_MISSING, "amount"),
        (FlagCode.FIELD_MISSING, "bank_account"),
    ]
    assert flags[0].message == "请填写提取金额。"


def test_a_represented_applicant_needs_both_proxy_fields() -> None:
    flags = missing_fields(withdrawal("06", proxy_name="李四"), POLICY)
    assert [f.field for f in flags] == ["proxy_id_number"]
    assert "代理人" in flags[0].message


def test_an_applicant_present_in_person_needs_no_proxy_fields() -> None:
    assert missing_fields(withdrawal("03"), POLICY) == []


def test_unit_registration_requires_its_own_fields() -> None:
    flags = missing_fields(registration(uscc="", contact_phone=""), POLICY)
    assert [f.field for f in flags] == ["uscc", "contact_phone"]
