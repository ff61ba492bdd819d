"""Glare seen as light: a highlight is paper lit towards white over the print (no OCR)."""

from __future__ import annotations

import cv2
import numpy as np

from backend.documents.highlight import _lit_from_outside, highlight_share
from backend.documents.ocr.base import OcrLine
from backend.documents.quality import HIGHLIGHT_MIN_SHARE, measure
from tests.support.photos import outside, printed_page, with_glare


def photographed_page(paper: int = 205) -> tuple[np.ndarray, list[OcrLine]]:
    """14 lines of print on paper a camera exposed at ``paper`` (not at white)."""
    return printed_page(paper=paper)


def test_a_highlight_that_wiped_the_print_clean_is_glare() -> None:
    page, lines = photographed_page()
    centre, axes = (330, 500), (160, 90)
    glared = with_glare(page, centre, axes, core=1.0)
    boxed = outside(lines, centre, axes)
    metrics = measure(glared, boxed)
    assert metrics.faded_cells == 0  # nothing left in a box to fade: the light is the sign
    assert metrics.highlight_share >= HIGHLIGHT_MIN_SHARE
    assert metrics.glare


def test_a_small_spot_over_print_is_glare() -> None:
    page, lines = photographed_page(paper=225)
    assert measure(with_glare(page, (420, 640), (70, 60), core=0.85), lines).glare


def test_clean_print_under_room_light_is_not_glare() -> None:
    page, lines = photographed_page()
    assert highlight_share(page, 32.0) == 0.0
    assert not measure(page, lines).glare


def test_light_falling_off_towards_a_corner_and_a_shadow_are_not_glare() -> None:
    page, lines = photographed_page(paper=235)
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - 0.17 * (xx ** 2 + yy ** 2) / float(w * w + h * h)  # lamp at the top left
    uneven = page.astype(np.float32) * light[:, :, None]
    uneven[700:, 450:] *= 0.6  # a hand's shadow
    assert not measure(np.asarray(uneven, dtype=np.uint8), lines).glare


def test_a_highlight_on_blank_paper_away_from_the_print_is_not_glare() -> None:
    page, lines = photographed_page()
    assert not measure(with_glare(page, (780, 1130), (80, 50), core=1.0), lines).glare


def test_a_page_exposed_at_white_gives_no_verdict_from_light() -> None:
    page, _ = photographed_page(paper=255)
    assert highlight_share(with_glare(page, (330, 500), (160, 90), core=1.0), 32.0) == 0.0


def test_a_highlight_burnt_out_on_a_page_exposed_near_white_is_glare() -> None:
    """Paper at 247 leaves eight levels: a highlight that clips the sensor fills them."""
    page, lines = photographed_page(paper=247)
    centre, axes = (330, 500), (160, 90)
    assert highlight_share(page, 32.0) == 0.0
    glared = with_glare(page, centre, axes, core=1.0)
    assert measure(glared, outside(lines, centre, axes)).glare


def test_paper_within_a_few_levels_of_white_gives_no_verdict_from_light() -> None:
    page, _ = photographed_page(paper=252)  # JPEG noise alone would reach white
    assert highlight_share(with_glare(page, (330, 500), (160, 90), core=1.0), 32.0) == 0.0


def test_a_white_table_around_a_grey_page_is_not_glare() -> None:
    page, lines = photographed_page()
    photo = np.full((1500, 1200, 3), 250, dtype=np.uint8)  # a white desk
    photo[150:1350, 150:1050] = page
    shifted = [OcrLine(ln.text, tuple((x + 150, y + 150) for x, y in ln.quad), ln.score)
               for ln in lines]
    assert not measure(photo, shifted).glare


def test_a_corner_lit_to_white_from_outside_the_frame_is_not_glare() -> None:
    """A sample ID card photo: the lamp's side of the card runs up to white at a corner."""
    page, lines = photographed_page(paper=190)
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    near = np.clip(1.0 - np.hypot(xx - w, yy) / (0.6 * w), 0, 1)  # the top right corner
    out = page.astype(np.float32)
    out += (near ** 2)[:, :, None] * (255.0 - out)
    assert not measure(np.asarray(out.clip(0, 255), dtype=np.uint8), lines).glare


def test_a_burnt_spot_cut_by_the_edge_of_the_photo_is_glare() -> None:
    page, lines = photographed_page()
    centre, axes = (330, 40), (150, 90)
    glared = with_glare(page, centre, axes, core=1.0)
    assert measure(glared, outside(lines, centre, axes)).glare


def test_a_highlight_that_most_of_a_cards_few_words_stand_round_is_glare() -> None:
    """An ID card: a few words, most of them beside a burnt-out highlight that took the
    labels between them, so the paper where print stands is lit nearly to white (251 of
    the card's 225): the card's paper is judged over the print's whole area instead."""
    card = np.full((850, 1250, 3), 225, dtype=np.uint8)
    words = (("SEX M", (120, 350)), ("BORN 19", (120, 470)), ("NATION", (310, 410)),
             ("CARD", (1000, 100)), ("ID 52", (1000, 780)))
    for text, origin in words:
        cv2.putText(card, text, origin, cv2.FONT_HERSHEY_SIMPLEX, 1.2, (30, 30, 30), 3)
    glared = with_glare(card, (200, 400), (160, 40), core=1.0)
    assert highlight_share(glared, 44.0) >= HIGHLIGHT_MIN_SHARE


def test_a_burnt_streak_running_down_along_the_side_of_the_photo_is_glare() -> None:
    """A tube light's streak from the top edge down the page's left side, over the start
    of the labels: it meets the frame along 14 % of its perimeter, less than light
    coming in from outside the frame (17 % and more)."""
    page, lines = photographed_page()
    centre, axes = (50, 150), (80, 380)
    glared = with_glare(page, centre, axes, core=1.0)
    assert measure(glared, outside(lines, centre, axes)).glare


def test_light_from_outside_broken_into_pieces_along_the_frame_is_not_a_highlight() -> None:
    """The lit half of a noisy page half in shadow: its paper at white in blotches along
    the frame's side, each meeting a short stretch of it (under the 15 % a highlight cut by
    the frame may meet), together a wide one."""
    paper = np.full((300, 220), 150.0, dtype=np.float32)
    lit = np.zeros(paper.shape, dtype=bool)
    for top in range(0, 300, 43):  # seven blotches down the left side, 40 px of frame each
        lit[top:top + 40, 0:45] = True
        paper[top:top + 40, 0:45] = 253.0
    assert _lit_from_outside(lit, paper).all(where=lit)
    one = np.zeros_like(lit)
    one[0:40, 0:45] = True  # one of them alone: a burnt spot cut by the frame
    assert not _lit_from_outside(one, paper).any()
