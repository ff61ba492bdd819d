"""Page finding, decoding and quality metrics on synthetic images (no OCR)."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from backend.documents.preprocess import decode_image, find_page, flatten_page, prepare
from backend.documents.quality import QualityMetrics, edge_softness, glare_share
from backend.errors import DoorstepError, ErrorCode


def sheet_on_table() -> np.ndarray:
    """A white sheet with text-like bars, photographed at an angle on a dark table."""
    table = np.full((1000, 800, 3), 60, dtype=np.uint8)
    corners = np.array([[150, 120], [650, 160], [620, 880], [120, 840]], dtype=np.int32)
    cv2.fillPoly(table, [corners], (235, 235, 235))
    for y in range(250, 800, 60):
        cv2.line(table, (220, y), (520, y + 20), (30, 30, 30), 6)
    return table


def test_sheet_on_a_table_is_found_and_flattened() -> None:
    photo = sheet_on_table()
    corners = find_page(photo)
    assert corners is not None
    assert np.allclose(corners[0], [150, 120], atol=15)  # top-left first
    flat = flatten_page(photo, corners)
    h, w = flat.shape[:2]
    assert 480 < w < 540
    assert 700 < h < 760


def test_a_scan_that_is_all_page_is_left_as_it_is() -> None:
    scan = np.full((600, 400, 3), 250, dtype=np.uint8)
    cv2.putText(scan, "TEXT", (50, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 3)
    assert find_page(scan) is None
    prepared, flattened = prepare(scan)
    assert not flattened
    assert prepared.shape == scan.shape


def test_red_seal_is_hidden_and_black_text_kept() -> None:
    page = np.full((100, 100, 3), 255, dtype=np.uint8)
    page[10:20, 10:20] = (0, 0, 230)  # red (BGR)
    page[50:60, 50:60] = (0, 0, 0)
    prepared, _ = prepare(page)
    assert prepared[15, 15, 0] > 200
    assert prepared[55, 55, 0] < 50


def test_bytes_that_are_not_an_image_are_refused_with_a_code() -> None:
    with pytest.raises(DoorstepError) as err:
        decode_image(b"%PDF-1.4 not a photo")
    assert err.value.code == ErrorCode.IMAGE_UNREADABLE


def test_exif_rotation_is_applied_when_decoding() -> None:
    img = Image.new("RGB", (80, 40), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    assert decode_image(buf.getvalue()).shape[:2] == (80, 40)


def text_page(blur_sigma: float) -> np.ndarray:
    page = np.full((600, 800, 3), 255, dtype=np.uint8)
    for i, y in enumerate(range(60, 560, 50)):
        cv2.putText(page, f"LINE {i} 0123456789", (40, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                    (0, 0, 0), 2)
    if blur_sigma:
        page = cv2.GaussianBlur(page, (0, 0), blur_sigma)
    return page


def test_blurred_text_is_softer_than_sharp_text() -> None:
    sharp = edge_softness(text_page(0), 30)
    blurred = edge_softness(text_page(2.8), 30)
    assert sharp < 0.75 <= blurred


def test_blur_decision_uses_either_measure_and_needs_some_text() -> None:
    def metrics(softness: float, unsure: float, lines: int = 20) -> QualityMetrics:
        return QualityMetrics(softness, unsure, 0.0, 30.0, lines)

    assert not metrics(0.6, 0.1).blurry
    assert metrics(0.8, 0.0).blurry
    assert metrics(0.6, 0.5).blurry
    assert metrics(0.6, 0.0, lines=2).blurry
    assert QualityMetrics(0.6, 0.0, 0.0, 10.0, 20).low_resolution


def test_flat_white_scan_has_no_glare_and_a_highlight_on_grey_paper_has() -> None:
    assert glare_share(np.full((800, 600, 3), 255, dtype=np.uint8)) == 0.0
    paper = np.full((800, 600, 3), 200, dtype=np.uint8)
    cv2.circle(paper, (300, 400), 120, (255, 255, 255), -1)
    assert glare_share(cv2.GaussianBlur(paper, (0, 0), 10)) > 0.02
