"""Row building and Tesseract word grouping (pure functions)."""

from __future__ import annotations

from ocr_lines import page

from backend.documents.layout import build_rows, page_tilt
from backend.documents.ocr.tesseract import cells_from_words


def test_tilted_page_rows_keep_their_cells_left_to_right() -> None:
    lines = page([(100, "期次"), (400, "还款日期"), (700, "本期合计")],
                 [(100, "1"), (400, "2024-11-26"), (700, "7281.67")], tilt_deg=-4.0)
    rows = build_rows(lines)
    assert [[c.text for c in r.cells] for r in rows] == [
        ["期次", "还款日期", "本期合计"], ["1", "2024-11-26", "7281.67"]]
    assert abs(page_tilt(lines)) > 0.05


def test_words_far_apart_on_a_line_become_separate_cells() -> None:
    words = [
        (True, "借款人姓名:余凯", (100.0, 10.0, 300.0, 40.0), 0.9),
        (False, "贷款账号:", (600.0, 10.0, 700.0, 40.0), 0.9),
        (False, "5202757376116273", (710.0, 10.0, 900.0, 40.0), 0.8),
        (True, "打印日期:", (100.0, 60.0, 200.0, 90.0), 0.9),
    ]
    cells = cells_from_words(words)
    assert [c.text for c in cells] == ["借款人姓名:余凯", "贷款账号: 5202757376116273",
                                       "打印日期:"]
    assert cells[1].score == 0.8
