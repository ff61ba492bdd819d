"""Tesseract as second reader: the rule (checksum, row arithmetic) picks the reading."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import cv2
import numpy as np
import pytest

from backend.documents.extractors.repayment_statement import TableRow
from backend.documents.fields import FieldValue
from backend.documents.layout import build_rows
from backend.documents.ocr.base import OcrLine, OcrPage
from backend.documents.reread import reread_invalid_codes, reread_numbers, reread_table_rows

pytestmark = pytest.mark.slow


def render(texts: list[tuple[int, str]], width: int = 1200) -> tuple[np.ndarray, list[OcrLine]]:
    """White page with each text printed at (x, 100); returns the page and boxes."""
    image = np.full((200, width, 3), 255, dtype=np.uint8)
    lines = []
    for x, text in texts:
        (w, h), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 1.0, 2)
        cv2.putText(image, text, (x, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
        quad = ((x - 2.0, 100.0 - h - 4), (x + w + 2.0, 100.0 - h - 4),
                (x + w + 2.0, 108.0), (x - 2.0, 108.0))
        lines.append(OcrLine(text, quad, 0.9))
    return image, lines


def test_misread_row_amount_is_replaced_by_the_reading_that_adds_up() -> None:
    image, lines = render([(100, "2250.00"), (400, "1395.00"), (700, "3645.00")])
    page = OcrPage(lines, image.shape[1], image.shape[0], 0, "rapidocr", image)
    row = TableRow(1, dt.date(2023, 10, 2), Decimal("2256.00"), Decimal("1395.00"),
                   Decimal("3645.00"), None,
                   cells={"principal": lines[0], "interest": lines[1], "total": lines[2]})
    checks = reread_table_rows(page, [row])
    assert row.principal == Decimal("2250.00")
    assert row.arithmetic_ok()
    assert [c.code for c in checks] == ["VALUE_CORRECTED"]


def test_id_number_failing_its_checksum_is_taken_from_the_second_reading() -> None:
    image, lines = render([(100, "11010519491231002X")])
    misread = "71010519491231002X"  # no single OCR repair fixes this one
    shown = [OcrLine(misread, lines[0].quad, 0.9)]
    page = OcrPage(shown, image.shape[1], image.shape[0], 0, "rapidocr", image)
    fields = {"id_number": FieldValue(misread, 0.9)}
    checks = reread_invalid_codes(page, build_rows(shown), fields)
    assert fields["id_number"].value == "11010519491231002X"
    assert checks[0].evidence["by"] == "tesseract"


def test_a_sure_amount_that_lost_a_digit_is_doubted_by_a_second_look() -> None:
    # the page shows 1700.00; the first reading (as recorded) dropped the 1 at a high score
    image, lines = render([(100, "1700.00")])
    shown = [OcrLine("700.00", lines[0].quad, 0.99)]
    page = OcrPage(shown, image.shape[1], image.shape[0], 0, "rapidocr", image)
    fields = {"monthly_rent": FieldValue("700.00", 0.99)}
    checks = reread_numbers(page, build_rows(shown), fields, "rental_contract")
    assert [(c.code, c.severity, c.field) for c in checks] == [
        ("READING_DOUBTED", "warning", "monthly_rent")]
    assert fields["monthly_rent"].value == "700.00"  # doubted, never silently changed


def test_a_sure_amount_read_whole_is_left_alone() -> None:
    image, lines = render([(100, "1700.00")])
    page = OcrPage([OcrLine("1700.00", lines[0].quad, 0.99)], image.shape[1], image.shape[0],
                   0, "rapidocr", image)
    fields = {"monthly_rent": FieldValue("1700.00", 0.99)}
    assert reread_numbers(page, build_rows(page.lines), fields, "rental_contract") == []
