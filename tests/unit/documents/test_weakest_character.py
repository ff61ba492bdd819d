"""A value's weakest character is found in the lines it was read from, even when the value
is not printed as read; a misread character lowers the calibrated confidence."""

from __future__ import annotations

import dataclasses

from ocr_lines import line

from backend.documents.calibration import calibrate, features
from backend.documents.fields import FieldValue
from backend.documents.layout import build_rows
from backend.documents.ocr.base import OcrLine
from backend.documents.quality import QualityMetrics
from backend.documents.weakest_character import weakest_character

SHARP = QualityMetrics(softness=0.5, unsure_share=0.0, glare_share=0.0, text_height=30,
                       line_count=10)


def _scored(text: str, y: float, scores: list[float]) -> OcrLine:
    return dataclasses.replace(line(100, y, text), char_scores=tuple(scores))


def test_the_value_s_own_characters_count_not_its_label_s() -> None:
    rows = build_rows([_scored("姓名张宇", 100, [0.3, 1.0, 1.0, 0.55]),
                       _scored("性别男", 145, [1.0, 1.0, 1.0])])
    assert weakest_character("张宇", rows) == 0.55


def test_a_reformatted_date_is_matched_to_its_printed_characters() -> None:
    printed = "签发日期2025年2月11日"
    scores = [1.0] * len(printed)
    scores[printed.index("11")] = 0.62
    rows = build_rows([_scored(printed, 100, scores)])
    assert weakest_character("2025-02-11", rows) == 0.62


def test_a_value_joined_from_two_lines_takes_the_weaker() -> None:
    rows = build_rows([_scored("住址：贵州省六盘水市", 100, [1.0] * 10),
                       _scored("钟山区人民路189号", 145, [1.0, 1.0, 0.4] + [1.0] * 7)])
    assert weakest_character("贵州省六盘水市钟山区人民路189号", rows) == 0.4


def test_unknown_without_character_scores_or_a_line_holding_the_value() -> None:
    assert weakest_character("张宇", build_rows([line(100, 100, "姓名张宇")])) is None
    assert weakest_character("1234.00", build_rows([_scored("姓名张宇", 100, [1.0] * 4)])) is None
    assert weakest_character("张宇", None) is None


def test_a_weak_character_in_a_sure_line_is_a_feature_of_the_field() -> None:
    fields = {"name": FieldValue("张宇", 0.96)}
    sure = build_rows([_scored("姓名张宇", 100, [1.0, 1.0, 1.0, 0.99])])
    weak = build_rows([_scored("姓名张宇", 100, [1.0, 1.0, 1.0, 0.5])])
    assert features("id_card", "name", fields, [], SHARP, sure)["char_gap"] < 0.5
    assert features("id_card", "name", fields, [], SHARP, weak)["char_gap"] > 3.0


def test_the_committed_fit_trusts_a_value_with_a_weak_character_less() -> None:
    fields = {"name": FieldValue("张宇", 0.96)}
    sure = build_rows([_scored("姓名张宇", 100, [1.0, 1.0, 1.0, 0.99])])
    weak = build_rows([_scored("姓名张宇", 100, [1.0, 1.0, 1.0, 0.3])])
    assert calibrate("id_card", fields, [], SHARP, weak)["name"] < calibrate(
        "id_card", fields, [], SHARP, sure)["name"]
