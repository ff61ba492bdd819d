"""Glare seen as light: paper lit well above the page's own paper where print is (pure).

A specular highlight adds light: under it the paper goes towards white and the ink with
it, and the light falls off smoothly around it. A camera exposes paper under room light
below white, so a highlight is the one thing on a page that is much brighter than the
page's paper. Washed-out print (``quality.text_fade``) misses a highlight that wiped the
print so clean that OCR boxed nothing there; this sees the light itself. It works on a
copy scaled so text is 8 px high (a few hundred pixels a side: cheap), with two maps over
a window of two text heights: the paper (its brightest) and the ink (its darkest).

- the page's paper is the paper where strong print stands (its ``paper_percentile``: a
  page half in shadow is judged by its lit half), or over the print's whole area where
  that is darker (a highlight over the labels of an ID card lit a quarter of its print and
  put the print's paper at 251, above white's limit: missed); a page exposed at white
  (paper over ``max_paper``) cannot show a highlight above it: no verdict. At 250 a
  highlight that clips the sensor still stands out (a streak and a spot on generated pages
  exposed at 247-248 were missed at 245); no page without glare, sample or generated, shows
  lit paper until its paper is at 252;
- a highlight is paper ``towards_white`` of the way to white from the page's paper, or
  from the paper round about (median over ``local_window_text_heights``) where that is
  darker: a highlight falling in a shadow;
- only the part over where print is counts: the convex hull of the strong print grown by
  ``hull_margin_text_heights`` (a highlight that wiped labels at the print's edge is near
  it; one on blank margin hides nothing, and a white table or the corners a skewed photo
  fills in lie outside it);
- lit paper brightest at the photo's edge and meeting ``frame_contact_share`` of its
  perimeter or more (its pieces together, where print or noise broke it up) is light from
  outside the frame (a lamp's side, a white desk, the lit side of a page half in shadow;
  on 496 cached photos such light over print met 17-46 %: a sample licence lit from its
  side 17 %, an ID card lit to white at a corner 20 %), not a highlight, which peaks
  inside and falls off all round (one cut by the frame, in a corner or at the top, meets
  4-6 %; a burnt-out streak or patch running down along the frame's side, 11-13 %).
"""

from __future__ import annotations

import cv2
import numpy as np

from backend.documents.ocr.base import Image
from backend.documents.thresholds import HIGHLIGHT as _H

TEXT_HEIGHT = float(_H["text_height_px"])
TOWARDS_WHITE = float(_H["towards_white"])
MAX_PAPER = float(_H["max_paper"])
STRONG_CONTRAST = float(_H["strong_contrast"])
HULL_MARGIN = float(_H["hull_margin_text_heights"])
PAPER_PERCENTILE = float(_H["paper_percentile"])
LOCAL_WINDOW = float(_H["local_window_text_heights"])
FRAME_CONTACT = float(_H["frame_contact_share"])
_MIN_PRINT_PX = 20
_EDGE_TOLERANCE = 2.0  # grey levels


def _lit_from_outside(lit: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """The lit regions brightest at the photo's edge along a wide stretch of it: light
    growing out of the frame (a lamp's side, a white desk round the page, the lit side of
    a page half in shadow), not a highlight, which peaks inside and falls off."""
    count, found = cv2.connectedComponents(lit.astype(np.uint8))
    labels = np.asarray(found, dtype=np.intp)
    peak = np.zeros(count, np.float32)
    np.maximum.at(peak, labels.ravel(), paper.ravel())
    at_edge = np.zeros(count, np.float32)
    contact = np.zeros(count, np.int64)
    for edge_labels, edge_paper in ((labels[0], paper[0]), (labels[-1], paper[-1]),
                                    (labels[:, 0], paper[:, 0]), (labels[:, -1], paper[:, -1])):
        np.maximum.at(at_edge, edge_labels, edge_paper)
        contact += np.bincount(edge_labels, minlength=count)
    # a highlight cut by the frame (a burnt spot at the top, one in a corner) meets a short
    # stretch of it; light from outside comes in along a wide one, which lines of print may
    # break into pieces brightest at the frame (a lit half of a noisy page in 7, 15-85 px of
    # the frame each, 22 % together)
    brightest_at_edge = (at_edge >= peak - _EDGE_TOLERANCE) & (contact > 0)
    brightest_at_edge[0] = False
    least = FRAME_CONTACT * 2 * (lit.shape[0] + lit.shape[1])
    wide = (contact >= least) | (int(contact[brightest_at_edge].sum()) >= least)
    return np.asarray((brightest_at_edge & wide)[labels])


def highlight_share(image: Image, text_height: float) -> float:
    """The largest highlight over the print, as a share of the page's area (0 when none)."""
    scale = min(max(TEXT_HEIGHT / text_height, 0.05), 1.0) if text_height > 0 else 0.25
    grey = image[:, :, 2] if image.ndim == 3 else image  # red: red seals read as paper
    small = np.asarray(cv2.resize(grey, None, fx=scale, fy=scale,
                                  interpolation=cv2.INTER_AREA), dtype=np.float32)
    if small.shape[0] < 8 or small.shape[1] < 8:
        return 0.0
    side = int(2 * TEXT_HEIGHT) | 1
    window = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    paper = np.asarray(cv2.GaussianBlur(cv2.dilate(small, window), (0, 0), TEXT_HEIGHT / 3))
    ink = np.asarray(cv2.erode(small, window))
    contrast = 1.0 - ink / np.maximum(paper, 1.0)
    print_mask = contrast >= STRONG_CONTRAST
    if int(print_mask.sum()) < _MIN_PRINT_PX:
        return 0.0
    hull: np.ndarray = np.zeros(small.shape, np.uint8)
    points = cv2.findNonZero(print_mask.astype(np.uint8))
    cv2.fillConvexPoly(hull, cv2.convexHull(points), 1)
    # the lit paper where print stands, or over the print's whole area where that is darker:
    # a highlight over a small page's labels lights a quarter of its print
    page_paper = min(float(np.percentile(paper[print_mask], PAPER_PERCENTILE)),
                     float(np.percentile(paper[hull > 0], PAPER_PERCENTILE)))
    if page_paper > MAX_PAPER:
        return 0.0
    # the paper round about, where it is darker than the page's (a highlight in a shadow)
    side = min(int(LOCAL_WINDOW * TEXT_HEIGHT) | 1, 255)
    local = cv2.medianBlur(paper.clip(0, 255).astype(np.uint8), side).astype(np.float32)
    ref = np.minimum(local, page_paper)
    lit = paper >= ref + TOWARDS_WHITE * (255.0 - ref)
    if not lit.any():
        return 0.0
    grow = max(1, round(HULL_MARGIN * TEXT_HEIGHT))
    hull = cv2.dilate(hull, cv2.getStructuringElement(cv2.MORPH_ELLIPSE,
                                                      (2 * grow + 1, 2 * grow + 1)))
    over_print = lit & (hull > 0) & ~_lit_from_outside(lit, paper)
    count, found = cv2.connectedComponents(over_print.astype(np.uint8))
    if count < 2:
        return 0.0
    largest = int(np.bincount(np.asarray(found, dtype=np.intp).ravel())[1:].max())
    return largest / float(small.size)
