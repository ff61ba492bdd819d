"""Pure validators: ID numbers, credit codes, bank cards, phones, dates, OCR repairs."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.verification.validators import (
    check_id_number,
    halfwidth,
    id_check_character,
    is_mobile_number,
    is_valid_id_number,
    is_valid_org_code,
    is_valid_uscc,
    luhn_valid,
    normalise_date,
    org_code_check_character,
    parse_date,
    unique_correction,
    uscc_check_character,
)

VALID_ID = "11010519491231002X"  # the example in GB 11643


def test_valid_id_number_passes_with_birth_date_and_sex() -> None:
    result = check_id_number(VALID_ID)
    assert result.valid
    assert result.birth_date == dt.date(1949, 12, 31)
    assert result.sex == "女"  # 17th digit 2 is even


def test_id_number_with_wrong_check_character_fails() -> None:
    result = check_id_number(VALID_ID[:-1] + "1")
    assert not result.valid
    assert result.problem == "身份证号码校验位不正确"


def test_id_number_with_impossible_birth_date_fails_even_with_right_checksum() -> None:
    body = "11010519490230002"  # 30 February
    result = check_id_number(body + id_check_character(body))
    assert not result.valid
    assert result.problem is not None
    assert "出生日期" in result.problem


@pytest.mark.parametrize("value", ["11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ"])
def test_lower_case_and_full_width_id_numbers_are_read(value: str) -> None:
    assert is_valid_id_number(value)


@pytest.mark.parametrize(
    "value", ["", "1101051949123100", "11010519491231002XX", "A1010519491231002X"])
def test_malformed_id_numbers_fail(value: str) -> None:
    assert not is_valid_id_number(value)


def test_odd_order_digit_means_male() -> None:
    body = "52020319890427331"
    assert check_id_number(body + id_check_character(body)).sex == "男"


def test_uscc_check_character_round_trip_and_single_change_fails() -> None:
    body = "91520201027915438"
    code = body + uscc_check_character(body)
    assert is_valid_uscc(code)
    assert code == "91520201027915438B"
    assert not is_valid_uscc(body + ("A" if code[-1] != "A" else "C"))


@pytest.mark.parametrize(
    "value", ["91520201027915438", "91520201O27915438B", "9152020102791543IB"])
def test_uscc_with_wrong_length_or_forbidden_letters_fails(value: str) -> None:
    assert not is_valid_uscc(value)


def test_organisation_code_check_character_gb11714() -> None:
    # D=13: 13*3+2*7+1*9+4*10+3*5+5*8+6*4+9*2 = 199; 11 - 199 % 11 = 10, printed X
    assert org_code_check_character("D2143569") == "X"
    assert is_valid_org_code("D2143569-X")
    assert not is_valid_org_code("D2143569-1")


def test_organisation_code_check_ten_prints_as_x() -> None:
    body = next(f"{n:08d}" for n in range(10**6) if org_code_check_character(f"{n:08d}") == "X")
    assert is_valid_org_code(body + "X")


def test_luhn() -> None:
    assert luhn_valid("4111 1111 1111 1111")
    assert not luhn_valid("4111111111111112")
    assert not luhn_valid("")


@pytest.mark.parametrize(("value", "ok"), [("13800138000", True), ("199 0000 0000", True),
                                           ("12800138000", False), ("1380013800", False)])
def test_mobile_numbers(value: str, ok: bool) -> None:
    assert is_mobile_number(value) is ok


@pytest.mark.parametrize("text", ["2026-09-02", "2026/9/2", "2026.09.02", "20260902",
                                  "2026年9月2日", "二〇二六年九月二日",
                                  "出具日期：2026 年 09 月 02 日"])
def test_date_forms_normalise_to_iso(text: str) -> None:
    assert normalise_date(text) == "2026-09-02"


def test_impossible_dates_are_not_dates() -> None:
    assert parse_date("2026年2月30日") is None
    assert parse_date("no date here") is None


def test_halfwidth_keeps_chinese() -> None:
    assert halfwidth("贷款金额：ＲＭＢ１２３") == "贷款金额:RMB123"


def test_unique_ocr_repair_is_applied_only_when_unambiguous() -> None:
    misread = VALID_ID[:5] + "6" + VALID_ID[6:]  # 5 read as 6
    assert unique_correction(misread, is_valid_id_number, "0123456789X") == VALID_ID
    ambiguous = "7" + VALID_ID[1:]  # 1 read as 7: no single repair or several
    assert unique_correction(ambiguous, is_valid_id_number, "0123456789X") is None
