"""Cross-document consistency and identity checksums."""

from __future__ import annotations

from backend.verification.codes import FlagCode, Severity
from backend.verification.consistency import (
    applicant_mismatches,
    borrower_mismatches,
    checksum_flags,
    unit_mismatches,
)
from tests.unit.verification.rule_builders import (
    LI_ID,
    WANG_ID,
    ZHANG_ID,
    ZHANG_SPOUSE_ID,
    doc,
    id_card,
    marital,
    registration,
    withdrawal,
)


def test_documents_agreeing_with_the_case_raise_nothing() -> None:
    case = withdrawal(
        "06",
        id_card(),
        marital("已婚"),
        doc("no_housing_certificate", name="张伟", id_number=ZHANG_ID),
    )
    assert applicant_mismatches(case) == []


def test_width_spacing_and_lowercase_x_are_not_differences() -> None:
    case = withdrawal(
        "07",
        id_card(name="张 伟", id_number=WANG_ID.lower()),
        doc(
            "rental_contract",
            tenant_name="张伟",
            tenant_id_number="５２０２０４１９８００１０１００２Ｘ",
        ),
        id_number=WANG_ID,
    )
    assert applicant_mismatches(case) == []


def test_an_id_card_of_someone_else_is_a_mismatch_with_both_values() -> None:
    flags = applicant_mismatches(withdrawal("06", id_card(name="张玮", id_number=LI_ID)))
    assert [(f.code, f.severity, f.document_id) for f in flags] == [
        (FlagCode.ID_MISMATCH, Severity.ERROR, "doc-id")
    ]
    assert flags[0].evidence["differences"] == [
        {"field": "name", "case": "张伟", "document": "张玮"},
        {"field": "id_number", "case": ZHANG_ID, "document": LI_ID},
    ]
    assert "张玮" in flags[0].message


def test_a_certificate_for_another_id_number_is_a_mismatch() -> None:
    flags = applicant_mismatches(withdrawal("06", marital("已婚", id_number=LI_ID)))
    assert [f.field for f in flags] == ["id_number"]


def test_the_tenant_must_be_the_applicant() -> None:
    flags = applicant_mismatches(withdrawal("07", doc("rental_contract", tenant_name="李娜")))
    assert [f.field for f in flags] == ["tenant_name"]


def test_the_proxys_own_id_card_is_compared_with_the_proxy() -> None:
    proxy_card = id_card(name="李强", id_number=LI_ID, doc_id="doc-proxy")
    case = withdrawal("06", id_card(), proxy_card, proxy_name="李强", proxy_id_number=LI_ID)
    assert applicant_mismatches(case) == []
    wrong = withdrawal(
        "06",
        id_card(name="李墙", id_number=LI_ID, doc_id="doc-proxy"),
        proxy_name="李强",
        proxy_id_number=LI_ID,
    )
    flags = applicant_mismatches(wrong)
    assert [f.document_id for f in flags] == ["doc-proxy"]
    assert "代理人" in flags[0].message


def test_the_borrower_may_be_the_applicant() -> None:
    case = withdrawal(
        "06",
        doc("loan_contract", borrower_name="张伟", borrower_id_number=ZHANG_ID),
        doc("repayment_statement", borrower_name="张伟"),
    )
    assert borrower_mismatches(case) == []


def test_the_borrower_may_be_the_recorded_spouse() -> None:
    loan = doc("loan_contract", borrower_name="刘芳", borrower_id_number=ZHANG_SPOUSE_ID)
    case = withdrawal("06", loan, spouse_name="刘芳", spouse_id_number=ZHANG_SPOUSE_ID)
    assert borrower_mismatches(case) == []


def test_a_borrower_who_is_neither_is_a_warning() -> None:
    loan = doc("loan_contract", borrower_name="刘芳", borrower_id_number=ZHANG_SPOUSE_ID)
    flags = borrower_mismatches(withdrawal("06", loan))
    assert [(f.code, f.severity) for f in flags] == [(FlagCode.ID_MISMATCH, Severity.WARNING)]
    assert "配偶" in flags[0].message


def test_a_consistent_unit_registration_raises_nothing() -> None:
    case = registration(
        doc(
            "business_licence",
            company_name="六盘水凉都餐饮管理有限公司",
            uscc="91520201027915438B",
            legal_representative="段雪佳",
        ),
        doc(
            "unit_registration_form",
            unit_name="六盘水凉都餐饮管理有限公司",
            uscc="91520201027915438b",
            legal_representative="段雪佳",
        ),
        id_card(name="段雪佳", id_number=LI_ID),
    )
    assert unit_mismatches(case) == []


def test_a_form_with_another_uscc_is_a_mismatch_listing_every_source() -> None:
    case = registration(
        doc("business_licence", "doc-licence", uscc="91520201027915438B"),
        doc("unit_registration_form", "doc-form", uscc="91520221MA677WCG7A"),
    )
    flags = unit_mismatches(case)
    assert [(f.code, f.field) for f in flags] == [(FlagCode.ID_MISMATCH, "uscc")]
    assert [v["value"] for v in flags[0].evidence["values"]] == [
        "91520201027915438B",
        "91520201027915438B",
        "91520221MA677WCG7A",
    ]


def test_a_licence_naming_another_company_is_a_mismatch() -> None:
    case = registration(doc("business_licence", company_name="贵州凉都煤业有限公司"))
    assert [f.field for f in unit_mismatches(case)] == ["unit_name"]


def test_an_id_card_of_neither_representative_nor_agent_is_a_warning() -> None:
    flags = unit_mismatches(registration(id_card(name="王五", id_number=LI_ID)))
    assert [(f.severity, f.document_id) for f in flags] == [(Severity.WARNING, "doc-id")]


def test_valid_identity_numbers_pass_the_checksum() -> None:
    assert checksum_flags(withdrawal("06", proxy_id_number=WANG_ID)) == []
    assert checksum_flags(registration()) == []


def test_a_wrong_check_character_is_flagged_by_field() -> None:
    flags = checksum_flags(withdrawal("06", proxy_id_number="520202198805060012"))
    assert [(f.code, f.field, f.severity) for f in flags] == [
        (FlagCode.ID_CHECKSUM_INVALID, "proxy_id_number", Severity.ERROR)
    ]
    assert "校验位" in flags[0].message


def test_an_impossible_birth_date_is_flagged() -> None:
    flags = checksum_flags(withdrawal("06", id_number="520201199002301233"))
    assert [f.field for f in flags] == ["id_number"]


def test_a_uscc_failing_gb_32100_is_only_a_warning() -> None:
    flags = checksum_flags(registration(uscc="91520201027915438C"))
    assert [(f.code, f.severity) for f in flags] == [
        (FlagCode.USCC_CHECKSUM_INVALID, Severity.WARNING)
    ]
