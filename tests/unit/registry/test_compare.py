"""The comparison rules: registry results against the papers and the case (pure)."""

from __future__ import annotations

from datetime import date

from backend.registry import compare
from backend.registry.records import (
    CreditLoan,
    FilingRecord,
    MarriageRecord,
    PropertyRecord,
    RegistryResult,
)
from backend.registry.sources import Source
from backend.verification.models import CaseSnapshot, DocumentSnapshot


def case(fields: dict[str, str], *documents: DocumentSnapshot) -> CaseSnapshot:
    base = {"name": "赵敏", "id_number": "520201199003120025"}
    return CaseSnapshot("c1", "withdrawal", {**base, **fields}, date(2026, 12, 6), documents)


def doc(doc_type: str, **fields: str) -> DocumentSnapshot:
    return DocumentSnapshot(f"d-{doc_type}", doc_type, "processed", fields)


HOME = RegistryResult(Source.REAL_ESTATE, True, (PropertyRecord("黔(2021)第1号", "明湖路88号"),))
NO_HOME = RegistryResult(Source.REAL_ESTATE, False)


def codes(flags: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(f["code"], f["field"]) for f in flags]


def test_a_home_in_the_registry_contradicts_a_no_housing_certificate() -> None:
    certificate = doc("no_housing_certificate", has_property="否", query_result="无房")
    flags = compare.property_found(case({"withdrawal_reason": "01"}, certificate), HOME, "q1")
    assert codes(flags) == [(compare.PROPERTY_FOUND, "has_property")]
    evidence = flags[0]["evidence"]
    assert evidence["registry"]["source"] == "REAL_ESTATE"
    assert evidence["registry"]["value"][0]["address"] == "明湖路88号"
    assert evidence["registry"]["queryId"] == "q1"
    assert evidence["paper"] == {"source": "no_housing_certificate", "field": "has_property",
                                 "value": "否", "documentId": "d-no_housing_certificate"}
    assert flags[0]["severity"] == "error"


def test_renting_needs_no_home_even_without_a_certificate() -> None:
    flags = compare.property_found(case({"withdrawal_reason": "07"}), HOME)
    assert codes(flags) == [(compare.PROPERTY_FOUND, "withdrawal_reason")]
    assert compare.property_found(case({"withdrawal_reason": "02"}), HOME) == []


def test_no_home_in_the_registry_or_a_certificate_showing_one_is_no_flag() -> None:
    certificate = doc("no_housing_certificate", has_property="否")
    assert compare.property_found(case({"withdrawal_reason": "07"}, certificate), NO_HOME) == []
    showing = doc("no_housing_certificate", has_property="是")
    assert compare.property_found(case({"withdrawal_reason": "01"}, showing), HOME) == []


def test_marital_status_against_the_certificate_and_the_declaration() -> None:
    married = RegistryResult(Source.MARRIAGE, True, (MarriageRecord("21", "2016-10-01"),))
    certificate = doc("marital_status_certificate", marital_status="未婚")
    flags = compare.marital_mismatch(case({"marital_status": "未婚"}, certificate), married)
    assert [f["evidence"]["paper"]["source"] for f in flags] == [
        "marital_status_certificate", "case"]
    assert flags[0]["evidence"]["registry"]["value"] == "20 已婚"
    agreeing = case({"marital_status": "已婚"}, doc("marital_status_certificate",
                                                   marital_status="初婚"))
    assert compare.marital_mismatch(agreeing, married) == []


def test_no_marriage_registered_contradicts_a_declared_marriage() -> None:
    flags = compare.marital_mismatch(case({"marital_status": "已婚"}),
                                     RegistryResult(Source.MARRIAGE, False))
    assert codes(flags) == [(compare.MARITAL_MISMATCH, "marital_status")]
    assert compare.marital_mismatch(case({"marital_status": "未婚"}),
                                    RegistryResult(Source.MARRIAGE, False)) == []
    assert compare.marital_mismatch(case({}), RegistryResult(Source.MARRIAGE, False)) == []


FILED = RegistryResult(Source.HOUSING_FILING, True, (
    FilingRecord("GJJ-2024-0851", "六盘水市钟山区荷城花园3栋2单元501", "650000.00"),
))


def test_filing_number_address_and_price_against_the_loan_contract() -> None:
    contract = doc("loan_contract", contract_number="GJJ-2024-0815",
                   property_address="钟山区荷城花园3幢2单元501室", loan_amount="800000.00")
    flags = compare.filing_mismatch(case({}, contract), FILED, "q9")
    assert codes(flags) == [(compare.FILING_MISMATCH, "contract_number"),
                            (compare.FILING_MISMATCH, "loan_amount")]  # the address agrees
    number = flags[0]["evidence"]
    assert number["registry"]["value"]["contract_number"] == "GJJ-2024-0851"
    assert number["paper"]["value"] == "GJJ-2024-0815"
    assert number["paper"]["documentId"] == "d-loan_contract"


def test_filing_compares_the_typed_loan_fields_when_no_contract_is_attached() -> None:
    typed = case({"contract_number": "GJJ-2024-0851", "property_address": "水城河畔1栋801",
                  "loan_amount": "300000.00"})
    flags = compare.filing_mismatch(typed, FILED)
    assert codes(flags) == [(compare.FILING_MISMATCH, "property_address")]
    assert flags[0]["evidence"]["paper"]["source"] == "case"
    assert compare.filing_mismatch(case({}), FILED) == []  # nothing to compare with


def test_no_filing_for_a_declared_purchase_is_a_mismatch() -> None:
    typed = case({"contract_number": "GJJ-1"})
    flags = compare.filing_mismatch(typed, RegistryResult(Source.HOUSING_FILING, False))
    assert codes(flags) == [(compare.FILING_MISMATCH, "contract_number")]


def test_active_housing_loans_not_declared() -> None:
    credit = RegistryResult(Source.CREDIT, True, (
        CreditLoan("HOUSING", "公积金中心", "GJJ-2024-0815", "500000.00", "468000.00"),
        CreditLoan("HOUSING", "工商银行", "ICBC-2019-3321", balance="230000.00"),
        CreditLoan("HOUSING", "建设银行", "CCB-2010-1", status="CLOSED"),
        CreditLoan("CONSUMER", "消费金融", "XF-1"),
    ))
    flags = compare.credit_loans_undeclared(case({"contract_number": "gjj-2024-0815"}), credit)
    assert codes(flags) == [(compare.LOAN_UNDECLARED, "contract_number")]
    assert flags[0]["evidence"]["registry"]["value"]["lender"] == "工商银行"
    assert flags[0]["evidence"]["paper"]["value"] == ["GJJ-2024-0815"]
    assert flags[0]["severity"] == "warning"


def test_unavailable_is_information_only() -> None:
    flag = compare.unavailable(Source.CREDIT, "timeout", "2026-12-06T10:00:00+00:00")
    assert flag["code"] == compare.UNAVAILABLE
    assert flag["severity"] == "info"
    assert flag["evidence"]["reason"] == "timeout"
