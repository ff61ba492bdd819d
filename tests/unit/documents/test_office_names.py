"""Issuers misread under the seal: office words and place names repaired (pure)."""

from __future__ import annotations

from ocr_lines import rows_of

from backend.documents.extractors import marital_status_certificate
from backend.documents.fields import edit_distance as distance
from backend.documents.office_names import repair_issuer_name


def test_edit_distance_counts_lost_added_and_swapped_characters() -> None:
    assert distance("民政后姻登记处", "民政局婚姻登记处") == 2
    assert distance("钟中山区", "钟山区") == 1
    assert distance("盘州市", "盘州市") == 0


def test_an_office_word_misread_cut_short_or_missing_characters_is_repaired() -> None:
    assert repair_issuer_name("六盘水市钟山区民政后姻登记处") == "六盘水市钟山区民政局婚姻登记处"
    assert repair_issuer_name("六盘水市钟山区局婚姻登记处") == "六盘水市钟山区民政局婚姻登记处"
    assert repair_issuer_name("六枝特区民政局婚姻登") == "六枝特区民政局婚姻登记处"


def test_a_place_one_character_off_becomes_the_service_area_place() -> None:
    assert repair_issuer_name("盈州市民政局") == "盘州市民政局"
    doubled = "六盘水市钟中山区民政局婚姻登记处"
    assert repair_issuer_name(doubled) == "六盘水市钟山区民政局婚姻登记处"


def test_real_names_are_left_as_printed() -> None:
    for name in ("杭州市民政局", "某某县婚姻登记处", "贵州省六盘水市钟山区民政局婚姻登记处",
                 "六盘水市不动产登记中心", "六盘水市中级人民法院"):
        assert repair_issuer_name(name) == name
    # cut short where two office words start alike: not guessed
    assert repair_issuer_name("六盘水市不动产登记") == "六盘水市不动产登记"


def test_an_issuer_boxed_as_two_cells_is_read_whole_and_marked_as_repaired() -> None:
    rows = rows_of(
        "婚姻状况证明",
        [(100, "姓名"), (300, "田琳婷")],
        [(100, "婚姻状况"), (300, "已婚")],
        [(600, "六盘水市钟山区"), (780, "局婚姻登记处")],
        [(600, "2026年9月17日")],
    )
    issuer = marital_status_certificate.extract(rows).fields["issuer"]
    assert issuer.value == "六盘水市钟山区民政局婚姻登记处"
    assert issuer.note is not None
