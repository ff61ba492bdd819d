"""Case field validation: known keys, formats, required fields for submission."""

from __future__ import annotations

import pytest

from backend.cases.fields import missing_required, parse_kind, validate_fields
from backend.cases.status import CaseKind
from backend.errors import DoorstepError, ErrorCode

W = CaseKind.WITHDRAWAL
U = CaseKind.UNIT_REGISTRATION


def _refusal(kind: CaseKind, fields: dict[str, object]) -> DoorstepError:
    with pytest.raises(DoorstepError) as caught:
        validate_fields(kind, fields)
    return caught.value


def test_an_unknown_key_is_refused_naming_it() -> None:
    error = _refusal(W, {"name": "张伟", "favourite_colour": "红"})
    assert error.code == ErrorCode.UNKNOWN_FIELD
    assert error.field == "favourite_colour"


def test_a_unit_key_is_unknown_on_a_withdrawal() -> None:
    assert _refusal(W, {"uscc": "91520201027915438B"}).code == ErrorCode.UNKNOWN_FIELD


@pytest.mark.parametrize("reason", ["01", "02", "99"])
def test_withdrawal_reasons_01_to_99_are_accepted(reason: str) -> None:
    assert validate_fields(W, {"withdrawal_reason": reason}) == {"withdrawal_reason": reason}


@pytest.mark.parametrize("reason", ["00", "1", "100", "ab"])
def test_other_withdrawal_reasons_are_refused(reason: str) -> None:
    assert _refusal(W, {"withdrawal_reason": reason}).field == "withdrawal_reason"


@pytest.mark.parametrize("amount", ["0.00", "350000.00", "12.50"])
def test_amounts_with_two_decimals_are_accepted(amount: str) -> None:
    assert validate_fields(W, {"amount": amount})["amount"] == amount


@pytest.mark.parametrize("amount", ["350000", "12.5", "-1.00", "01.00", "1,000.00"])
def test_other_amounts_are_refused(amount: str) -> None:
    assert _refusal(W, {"amount": amount}).field == "amount"


def test_mobile_numbers_must_be_mainland_mobiles() -> None:
    assert validate_fields(W, {"phone": "13812345678"}) == {"phone": "13812345678"}
    assert _refusal(W, {"phone": "12812345678"}).field == "phone"
    assert _refusal(W, {"phone": "1381234567"}).field == "phone"


def test_id_numbers_need_a_valid_check_character() -> None:
    assert validate_fields(W, {"id_number": "520201199001011239"})
    assert _refusal(W, {"id_number": "520201199001011238"}).field == "id_number"
    assert _refusal(W, {"proxy_id_number": "52020119900101"}).field == "proxy_id_number"


def test_values_are_trimmed_half_width_and_upper_case_where_it_matters() -> None:
    clean = validate_fields(W, {"name": " 张伟 ", "id_number": " 520201199001011239"})
    assert clean["name"] == "张伟"
    assert validate_fields(W, {"amount": "１２.００"}) == {"amount": "12.00"}


def test_a_uscc_with_a_wrong_check_character_is_kept_for_a_warning() -> None:
    assert validate_fields(U, {"uscc": "91520201027915438A"})["uscc"] == "91520201027915438A"
    assert _refusal(U, {"uscc": "9152020102791543"}).field == "uscc"


def test_null_clears_a_field_and_non_strings_are_refused() -> None:
    assert validate_fields(W, {"name": None}) == {"name": None}
    assert _refusal(W, {"amount": 12.5}).code == ErrorCode.VALIDATION_FAILED


def test_submission_needs_the_identity_fields() -> None:
    assert missing_required(W, {"name": "张伟"}) == ["id_number", "withdrawal_reason"]
    assert missing_required(U, {"unit_name": "x", "uscc": "y"}) == []


def test_an_unknown_kind_is_refused() -> None:
    assert parse_kind("withdrawal") == W
    with pytest.raises(DoorstepError) as caught:
        parse_kind("loan")
    assert caught.value.field == "kind"


def test_a_visit_records_its_times_place_and_signature_on_both_kinds() -> None:
    visit = {
        "visit_started_at": "2026-11-27T09:30:00.123Z",
        "visit_ended_at": "2026-11-27T10:05:00+08:00",
        "visit_location": "26.5934,104.8303,35",
        "signature": "ab" * 32,
    }
    assert validate_fields(CaseKind.WITHDRAWAL, visit) == visit
    assert validate_fields(CaseKind.UNIT_REGISTRATION, visit) == visit


@pytest.mark.parametrize(
    ("key", "value"),
    [("visit_started_at", "yesterday"), ("visit_location", "north"), ("signature", "abc")],
)
def test_malformed_visit_values_are_refused(key: str, value: str) -> None:
    with pytest.raises(DoorstepError) as raised:
        validate_fields(CaseKind.WITHDRAWAL, {key: value})
    assert raised.value.code == ErrorCode.VALIDATION_FAILED
