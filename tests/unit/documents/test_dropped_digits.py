"""A digit OCR dropped at a high score: the rules that tell it (pure)."""

from __future__ import annotations

import pytest

from backend.documents.dropped_digits import cut_at_start, digits, one_digit_more


def test_digits_are_taken_half_width_from_any_text() -> None:
    assert digits("2025年2月11日") == "2025211"
    assert digits("１,７００.00元") == "170000"


@pytest.mark.parametrize(("first", "second"), [
    ("2025年2月1日", "2025年2月11日"),  # two narrow 1s read as one
    (",700.00", "1,700.00"),  # the box cut the leading 1 off
    ("700.00", "V1,700.00"),  # letters around the digits do not matter
    ("GJJ2024-0031", "GJJ2024-00311"),
])
def test_a_second_reading_with_one_digit_more_shows_a_dropped_digit(first: str,
                                                                    second: str) -> None:
    assert one_digit_more(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("1700.00", "1700.00"),  # the same reading
    ("1700.00", "1780.00"),  # a digit changed: no evidence of a lost one
    ("1700.00", "700.00"),  # one fewer: the first reading was the fuller one
    ("700.00", "17000.00"),  # two more
    ("700.00", "800.001"),  # one more, but not the first reading's digits around it
    ("", "1"),  # nothing read first
])
def test_other_second_readings_show_no_dropped_digit(first: str, second: str) -> None:
    assert not one_digit_more(first, second)


@pytest.mark.parametrize("text", [",700.00", "月租金：,700.00元", "¥.50", "金额 ,250"])
def test_a_figure_starting_with_a_separator_lost_its_leading_digit(text: str) -> None:
    assert cut_at_start(text)


@pytest.mark.parametrize("text", ["1,700.00", "月租金：1700.00元", "0.50", "2025.02.11", "12%"])
def test_whole_figures_are_not_cut(text: str) -> None:
    assert not cut_at_start(text)
