"""One contract for every OCR engine: same interface, same promises."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from backend.documents.ocr import ENGINE_NAMES, get_engine

pytestmark = [pytest.mark.slow, pytest.mark.engine_independent]


def printed_page() -> np.ndarray:
    page = np.full((700, 1000, 3), 255, dtype=np.uint8)
    for i, text in enumerate(["ACCOUNT 5202757376116273", "AMOUNT 540000.00",
                              "DATE 2026-09-20", "RATE 3.1%"]):
        cv2.putText(page, text, (60, 120 + i * 120), cv2.FONT_HERSHEY_SIMPLEX, 1.4,
                    (0, 0, 0), 3)
    return page


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_engine_is_created_once_per_process_and_reused(name: str) -> None:
    assert get_engine(name) is get_engine(name)


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_engine_reads_an_upright_page_into_positioned_lines(name: str) -> None:
    image = printed_page()
    page = get_engine(name).read_page(image)
    text = " ".join(line.text for line in page.lines).replace(" ", "")
    assert "5202757376116273" in text
    assert "540000.00" in text
    assert page.rotated_degrees == 0
    assert page.image is not None
    for line in page.lines:
        assert 0.0 <= line.score <= 1.0
        assert -5 <= line.left < line.right <= page.width + 5
        assert -5 <= line.top < line.bottom <= page.height + 5


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_engine_reads_a_single_line_crop(name: str) -> None:
    crop = printed_page()[70:140, 40:700]
    text, score = get_engine(name).read_crop(crop)
    assert "5202757376116273" in text.replace(" ", "")
    assert 0.0 <= score <= 1.0
