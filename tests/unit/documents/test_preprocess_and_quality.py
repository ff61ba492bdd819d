"""Page finding, decoding and quality metrics on synthetic images (no OCR)."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from backend.documents.ocr.base import OcrLine
from backend.documents.preprocess import decode_image, find_page, flatten_page, prepare
from backend.documents.quality import (
    GLARE_MIN_FADED_CELLS,
    SHAKE_THRESHOLD,
    SOFTNESS_THRESHOLD,
    QualityMetrics,
    edge_softness,
    measure,
    shake,
    text_fade,
)
from backend.errors import DoorstepError, ErrorCode
from tests.support.photos import box, printed_page, with_glare


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


def test_a_lit_strip_of_a_page_half_in_shadow_is_not_taken_for_the_page() -> None:
    """The shaded part reads as table, leaving a 3:1 strip: flattening to it would crop
    away the rest of the page and every field there."""
    photo = np.full((1000, 800, 3), 60, dtype=np.uint8)
    photo[50:950, 50:750] = 80  # the page, in shadow ...
    photo[50:950, 50:350] = 235  # ... but for a strip along its left side
    for y in range(150, 900, 60):
        cv2.line(photo, (100, y), (650, y), (20, 20, 20), 6)
    assert find_page(photo) is None
    photo[50:950, 50:750] = 235  # the same page lit all over is found
    assert find_page(photo) is not None


def test_a_shadow_falling_across_sheet_and_table_does_not_crop_the_shaded_side() -> None:
    """The shadow darkens the page's right side below what a threshold keeps for paper;
    the step at the sheet's edge keeps its ratio, so the whole sheet is flattened."""
    photo = sheet_on_table().astype(np.float32)
    shade = 1.0 - 0.6 * np.clip((np.arange(800) - 250) / 300, 0, 1)  # left lit, right dark
    photo = (photo * shade[None, :, None]).astype(np.uint8)
    corners = find_page(photo)
    assert corners is not None
    assert np.allclose(corners, [[150, 120], [650, 160], [620, 880], [120, 840]], atol=15)


def test_a_ruled_table_on_a_page_filling_the_photo_is_not_taken_for_the_sheet() -> None:
    """A table's border is a ring of sharp steps too, but with the same paper either side."""
    scan = np.full((1000, 800, 3), 245, dtype=np.uint8)
    cv2.rectangle(scan, (150, 200), (650, 800), (20, 20, 20), 3)
    for y in range(260, 800, 60):
        cv2.line(scan, (150, y), (650, y), (20, 20, 20), 2)
    assert find_page(scan) is None


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
        page = np.asarray(cv2.GaussianBlur(page, (0, 0), blur_sigma), dtype=np.uint8)
    return page


def test_blurred_text_is_softer_than_sharp_text() -> None:
    sharp = edge_softness(text_page(0), 30)
    blurred = edge_softness(text_page(2.8), 30)
    assert sharp < 0.75 <= blurred


def test_the_softness_limit_lies_between_a_soft_photo_and_the_lightest_focus_blur() -> None:
    """On an 800 px page a slightly soft photo (sigma 0.09 % of the width, still legible)
    stays under the limit, a focus blur as light as the blurred sample photos' (0.21 %) is
    over it; generated pages with that blur measured 0.741-0.747, under the old 0.75."""
    width = text_page(0).shape[1]
    assert edge_softness(text_page(0.0009 * width), 30) < SOFTNESS_THRESHOLD
    assert edge_softness(text_page(0.0021 * width), 30) >= SOFTNESS_THRESHOLD
    assert SOFTNESS_THRESHOLD < 0.75


def shaken(page: np.ndarray, length: int, degrees: float) -> np.ndarray:
    """The page smeared by a camera shake: a line kernel ``length`` px long."""
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    turn = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), degrees, 1.0)
    kernel = cv2.warpAffine(kernel, turn, (length, length))
    return np.asarray(cv2.filter2D(page, -1, kernel / kernel.sum()), dtype=np.uint8)


def strokes_page(blur_sigma: float = 0.0) -> np.ndarray:
    """Short anti-aliased strokes at every angle in character-sized cells: print with no
    direction of its own, as a page of Chinese text is on average."""
    rng = np.random.default_rng(7)
    page = np.full((900, 1200, 3), 245, dtype=np.uint8)
    for row in range(60, 860, 50):
        for col in range(40, 1160, 34):
            for _ in range(5):
                x0, y0 = col + int(rng.integers(0, 28)), row + int(rng.integers(0, 28))
                angle, length = rng.uniform(0, np.pi), int(rng.integers(6, 26))
                end = (int(x0 + length * np.cos(angle)), int(y0 + length * np.sin(angle)))
                cv2.line(page, (x0, y0), end, (30, 30, 30), 3, cv2.LINE_AA)
    if blur_sigma:
        page = np.asarray(cv2.GaussianBlur(page, (0, 0), blur_sigma), dtype=np.uint8)
    return page


@pytest.mark.parametrize("degrees", [0, 90, 120, 160])
def test_a_camera_shake_is_told_from_a_sharp_or_a_slightly_soft_page(degrees: float) -> None:
    # a smear half a text line long, as the planted shakes (14-20 px on 35 px text)
    assert shake(shaken(strokes_page(), 16, degrees), 34) >= SHAKE_THRESHOLD
    assert shake(strokes_page(), 34) < SHAKE_THRESHOLD / 2
    assert shake(strokes_page(0.8), 34) < SHAKE_THRESHOLD / 2  # soft all round


def test_blur_decision_uses_either_measure_and_needs_some_text() -> None:
    def metrics(softness: float, unsure: float, lines: int = 20) -> QualityMetrics:
        return QualityMetrics(softness, unsure, 0.0, 30.0, lines)

    assert not metrics(0.6, 0.1).blurry
    assert metrics(0.8, 0.0).blurry
    assert metrics(0.6, 0.5).blurry
    assert metrics(0.6, 0.0, lines=2).blurry
    assert QualityMetrics(0.6, 0.1, 0.0, 30.0, 20, shake=0.3).blurry
    assert not QualityMetrics(0.6, 0.1, 0.0, 30.0, 20, shake=0.15).blurry
    assert QualityMetrics(0.6, 0.0, 0.0, 10.0, 20).low_resolution


def test_clean_print_has_no_faded_cells() -> None:
    page, lines = printed_page()
    fade = text_fade(page, lines)
    assert fade.cells > 100
    assert fade.faded == 0
    assert not measure(page, lines).glare


def test_a_highlight_over_print_is_glare() -> None:
    page, lines = printed_page()
    glared = with_glare(page, (330, 480), (200, 90))
    metrics = measure(glared, lines)
    assert metrics.faded_cells >= GLARE_MIN_FADED_CELLS
    assert metrics.glare
    assert metrics.glare_share == pytest.approx(metrics.faded_cells / text_fade(page, lines).cells,
                                                abs=1e-3)


def test_a_weak_highlight_that_leaves_the_print_legible_is_not_glare() -> None:
    page, lines = printed_page()
    assert not measure(with_glare(page, (330, 480), (200, 90), core=0.3), lines).glare


def test_uneven_light_and_a_shadow_are_not_glare() -> None:
    page, lines = printed_page()
    w = page.shape[1]
    light = np.linspace(1.0, 0.55, w, dtype=np.float32)[None, :, None]  # lamp on the left
    lit = page.astype(np.float32) * light
    lit[700:, 450:] *= 0.6  # a hand's shadow
    assert text_fade(np.asarray(lit, dtype=np.uint8), lines).faded == 0


def test_burnt_out_white_paper_around_the_print_is_not_glare() -> None:
    """The old rule's false alarm: saturated paper brighter than a darker table or than
    the rest of the sheet, with the print on it intact."""
    page, lines = printed_page(paper=255)
    photo = np.full((1500, 1200, 3), 70, dtype=np.uint8)  # on a darker table
    photo[150:1350, 150:1050] = page
    shifted = [box(ln.text, ln.left + 150, ln.right + 150, ln.bottom - 6 + 150) for ln in lines]
    assert not measure(photo, shifted).glare
    grey_paper, lines = printed_page(paper=200)
    cv2.circle(grey_paper, (750, 1100), 90, (255, 255, 255), -1)  # a highlight on blank paper
    assert not measure(grey_paper, lines).glare


def test_lighter_printed_labels_are_not_glare() -> None:
    page, lines = printed_page(label_ink=125)
    assert text_fade(page, lines).faded == 0


def test_blurred_print_is_not_glare() -> None:
    page, lines = printed_page()
    blurred = np.asarray(cv2.GaussianBlur(page, (0, 0), 2.5), dtype=np.uint8)
    assert not measure(blurred, lines).glare


def test_on_a_blurred_photo_only_the_light_itself_tells_glare() -> None:
    """Blur lowers every cell's contrast: a shaken statement had 14 cells "washed out"."""
    def metrics(faded: int, highlight: float, softness: float = 0.5) -> QualityMetrics:
        return QualityMetrics(softness, 0.0, 0.1, 30.0, 20, faded_cells=faded,
                              highlight_share=highlight)

    assert metrics(14, 0.0).glare
    assert not metrics(14, 0.0, softness=0.9).glare  # blurred: the retake is asked anyway
    assert metrics(0, 0.05, softness=0.9).glare


def test_too_little_text_gives_no_verdict() -> None:
    page, lines = printed_page()
    glared = with_glare(page, (150, 130), (150, 60))
    assert text_fade(glared, lines).faded >= GLARE_MIN_FADED_CELLS
    short = [box("ABCDEFGH", 55, 300, 140)]  # 7 cells: too few to know the page's print
    assert text_fade(glared, short).faded == 0


def cell_page(faint: set[tuple[int, int]]) -> tuple[np.ndarray, list[OcrLine]]:
    """14 lines of 16 character cells (32 px) of strong print; the (line, cell) pairs in
    ``faint`` hold a faint mark instead (a colon, a washed-out character)."""
    page = np.full((1000, 700, 3), 245, dtype=np.uint8)
    lines = []
    for i in range(14):
        top = 60 + 64 * i
        for j in range(16):
            left = 40 + 32 * j
            ink = 200 if (i, j) in faint else 25
            page[top + 6:top + 26, left + 10:left + 22] = ink
        lines.append(OcrLine("X" * 16, ((40, top), (552, top), (552, top + 32), (40, top + 32)),
                             0.99))
    return page, lines


def test_a_lone_weak_cell_between_strong_ones_is_a_gap_not_glare() -> None:
    """A colon between a label and its value (`还款方式：等额本息`) is a cell with little ink."""
    colons = text_fade(*cell_page({(i, 5) for i in range(14)}))
    assert (colons.faded, colons.dim) == (0, 0)
    washed = cell_page({(i, j) for i in (6, 7) for j in (4, 5, 6)})  # a highlight's width
    assert text_fade(*washed).faded == 6 >= GLARE_MIN_FADED_CELLS
    at_ends = cell_page({(i, 0) for i in range(4)})  # a line's first cell has one neighbour
    assert text_fade(*at_ends).faded == 4
