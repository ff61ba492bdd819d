"""Print lost from a value read at a high score (a dropped digit, a photo cut through the
text): the rules that tell it (pure)."""

from __future__ import annotations

import pytest

from backend.documents.fields import FieldValue
from backend.documents.layout import build_rows
from backend.documents.lost_print import (
    at_frame_side,
    cut_at_start,
    digits,
    frame_checks,
    late_in_column,
    lines_holding,
    one_digit_more,
    stray_start_before,
    stray_table_row,
    unjoined_neighbour,
)
from backend.documents.ocr.base import OcrLine


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


def _line(text: str, left: float, right: float, y: float = 100.0) -> OcrLine:
    return OcrLine(text, ((left, y), (right, y), (right, y + 40), (left, y + 40)), 0.99)


def test_a_line_touching_the_photos_side_may_go_on_beyond_it() -> None:
    assert at_frame_side(_line("GJJ-LPS-202", 349, 513), 514)
    assert at_frame_side(_line("编号", 3, 90), 514)
    assert not at_frame_side(_line("GJJ-LPS-2022-83915", 349, 480), 514)


def test_a_value_read_from_a_line_the_photo_cuts_is_doubted() -> None:
    rows = build_rows([_line("借款合同编号", 124, 310), _line("GJJ-LPS-202", 349, 513),
                       _line("陆拾贰万元", 356, 470, 200)])
    fields = {"contract_number": FieldValue("GJJ-LPS-202", 0.99),
              "loan_amount_upper": FieldValue("陆拾贰万元", 0.99)}
    checks = frame_checks("loan_contract", rows, fields, 514)
    assert [(c.code, c.severity, c.field) for c in checks] == [
        ("VALUE_AT_PHOTO_EDGE", "warning", "contract_number")]


def test_values_are_found_in_their_lines_as_printed_or_parsed() -> None:
    date, rent = _line("签发日期：2025年2月1日", 50, 300), _line("月租金：1,700.00元", 50, 300, 200)
    rows = build_rows([date, rent])
    assert lines_holding(rows, "date", "2025-02-01") == [date]
    assert lines_holding(rows, "amount", "1700.00") == [rent]
    assert lines_holding(rows, "amount", "800.00") == []


def _table(*pairs: tuple[str, float, str]) -> list[OcrLine]:
    out = []
    for i, (label_text, x, value) in enumerate(pairs):
        y = 100.0 + 45 * i
        out += [_line(label_text, 60, 170, y), _line(value, x, x + 20 * len(value), y)]
    return out


def test_a_value_starting_well_right_of_its_column_lost_its_start() -> None:
    lines = _table(("租赁期限", 209, "自2024.03.01起至2025.02.28止"),
                   ("承租人身份证号", 208, "520203199609300875"),
                   ("房屋地址", 272, "六盘水市六枝特区黄土坡街道明湖路83号"),  # 贵州省 wiped
                   ("月租金额", 206, "3000.00元/月"), ("承租人", 204, "蒋洋文"))
    rows = build_rows(lines)
    assert late_in_column(rows, lines[5])
    assert not any(late_in_column(rows, ln) for ln in lines[1::2] if ln is not lines[5])
    fields = {"rental_address": FieldValue("六盘水市六枝特区黄土坡街道明湖路83号", 0.99),
              "tenant_name": FieldValue("蒋洋文", 0.99)}
    assert [(c.code, c.field) for c in frame_checks("rental_contract", rows, fields, 777)] == [
        ("VALUE_START_LOST", "rental_address")]


def test_values_of_a_column_without_labels_are_not_judged_so() -> None:
    # a statement's rows: periods and dates before the amounts, no label in the first cell
    lines = _table(("1", 209, "2250.00"), ("2", 208, "2250.00"), ("3", 262, "2250.00"),
                   ("4", 206, "2250.00"))
    assert not late_in_column(build_rows(lines), lines[5])


def test_a_row_of_figures_that_went_into_no_table_row_means_the_table_lost_it() -> None:
    def row(y: float, *cells: tuple[float, str]) -> list[OcrLine]:
        return [_line(text, x, x + 20 * len(text), y) for x, text in cells]

    header = row(384, (105, "期次"), (237, "还款日期"), (439, "归还本金"), (624, "应还利息"))
    wiped = row(425, (680, "1136.67"), (863, "2970.00"))  # period, date, principal wiped
    second = row(467, (123, "2"), (226, "2023-01-20"), (487, "1833.33"), (678, "1131.93"))
    third = row(509, (123, "3"), (226, "2023-02-20"), (487, "1833.33"), (678, "1127.19"))
    totals = row(551, (105, "合计"), (487, "3666.66"), (678, "2259.12"))
    rows = build_rows(header + wiped + second + third + totals)
    used = second[2:] + third[2:]
    assert stray_table_row(rows, used)
    assert not stray_table_row(build_rows(header + second + third + totals), used)
    assert not stray_table_row(rows, [])


def test_a_value_with_unjoined_text_beside_it_may_have_lost_what_stood_between() -> None:
    code, rest = _line("GJJ-LPS", 112, 215, 774), _line("80741", 286, 382, 774)  # -2023- wiped
    rows = build_rows([_line("合同编号", 88, 209, 721), code, rest])
    assert unjoined_neighbour(rows, code, ["合同编号"], [])
    fields = {"contract_number": FieldValue("GJJ-LPS", 0.98)}
    assert [c.code for c in frame_checks("loan_contract", rows, fields, 1240, ["合同编号"])] == [
        "VALUE_PART_LOST"]
    # the next label, another field's value, or text far away are no lost part
    label_next = build_rows([code, _line("借款人", 286, 350, 774)])
    assert not unjoined_neighbour(label_next, code, ["借款人"], [])
    assert not unjoined_neighbour(rows, code, ["合同编号"], ["80741"])
    far = build_rows([code, _line("80741", 600, 700, 774)])
    assert not unjoined_neighbour(far, code, [], [])


def test_a_value_after_its_label_a_gap_and_a_stray_character_lost_its_middle() -> None:
    # glare wiped 查询，未 out of 经查询，未发现…: what is left says the opposite
    result = _line("发现该申请人名下有不动产登记记录。", 386, 1000, 340)
    rows = build_rows([_line("查询结果 经", 84, 300, 340), result])
    assert stray_start_before(rows, result, ["查询结果"])
    fields = {"query_result": FieldValue("发现该申请人名下有不动产登记记录。", 0.997)}
    checks = frame_checks("no_housing_certificate", rows, fields, 1240, [],
                          {"query_result": ["查询结果"]})
    assert [c.code for c in checks] == ["VALUE_PART_LOST"]
    # a longer label printed whole (住所地, no gap) or the label alone is no lost middle
    address = _line("贵州省六盘水市钟山区人民路189号", 300, 800)
    for left in ("住所地", "住所：", "住所"):
        assert not stray_start_before(build_rows([_line(left, 84, 250), address]), address,
                                      ["住所"])
