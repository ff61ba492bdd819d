"""Which read values fill a case, and which become checks (pure)."""

from __future__ import annotations

from backend.documents.case_fields import case_values, compare, unreadable_check


def test_id_card_fields_map_to_the_applicants_case_fields() -> None:
    read = {"name": "石英芳", "id_number": "520203197001175843", "sex": "女", "ethnicity": "汉",
            "birth_date": "1970-01-17", "address": "贵州省六盘水市"}
    assert case_values("withdrawal", "id_card", read) == read


def test_business_licence_fields_map_to_unit_keys_on_a_registration() -> None:
    read = {"company_name": "贵州乌蒙物业管理有限公司", "uscc": "91520281699214239L",
            "address": "贵州省六盘水市钟山区"}
    assert case_values("unit_registration", "business_licence", read) == {
        "unit_name": "贵州乌蒙物业管理有限公司", "uscc": "91520281699214239L",
        "unit_address": "贵州省六盘水市钟山区",
    }


def test_a_loan_contracts_borrower_is_not_copied_into_the_applicant() -> None:
    read = {"borrower_name": "张伟", "borrower_id_number": "520201199001011237",
            "loan_amount": "350000.00"}
    assert case_values("withdrawal", "loan_contract", read) == {"loan_amount": "350000.00"}


def test_booleans_empty_values_and_unknown_types_are_left_out() -> None:
    assert case_values("withdrawal", "no_housing_certificate",
                       {"name": " ", "has_property": False}) == {}
    assert case_values("withdrawal", None, {"name": "张伟"}) == {}
    assert case_values("unit_registration", "id_card", {"name": "张伟"}) == {}


def test_empty_case_fields_are_filled_and_typed_ones_never_overwritten() -> None:
    typed = {"name": "石英方", "sex": "", "phone": "13812345678"}
    read = {"name": "石英芳", "sex": "女", "birth_date": "1970-01-17"}
    result = compare(typed, read, "doc-1", "id_card")
    assert result.fills == {"sex": "女", "birth_date": "1970-01-17"}
    [check] = result.checks
    assert (check["code"], check["severity"], check["field"]) == ("ID_MISMATCH", "error", "name")
    assert check["evidence"] == {"typed": "石英方", "read": "石英芳", "documentId": "doc-1",
                                 "docType": "id_card"}


def test_values_equal_after_normalising_are_not_a_disagreement() -> None:
    result = compare({"id_number": "52020319700117584x", "address": "贵州省 六盘水市"},
                     {"id_number": "52020319700117584X", "address": "贵州省六盘水市"}, "d", None)
    assert result.fills == {}
    assert result.checks == []


def test_other_fields_that_differ_are_a_warning_not_an_identity_mismatch() -> None:
    typed, read = {"address": "贵州省贵阳市"}, {"address": "贵州省六盘水市"}
    [check] = compare(typed, read, "d", "id_card").checks
    assert (check["code"], check["severity"]) == ("FIELD_DISAGREES", "warning")


def test_an_unreadable_document_is_an_error_check_naming_it() -> None:
    check = unreadable_check("doc-9", "id_card", "DOCUMENT_READ_FAILED", "boom")
    assert (check["code"], check["severity"], check["documentId"]) == (
        "DOCUMENT_UNREADABLE", "error", "doc-9")
    assert check["evidence"]["error"] == "DOCUMENT_READ_FAILED"
