"""Photo quality: blur, glare and too-low resolution, each against a measured threshold.

Measured on the sample photos (``bench/extraction.py --quality`` prints the metrics):

- blur: the edge-softness ratio (how much a further 1 px Gaussian blur weakens the
  strongest edges, after scaling the page so text lines are 30 px high) was at most 0.71
  on sharp pages and 0.81 on a focus-blurred one (0.72 marks blur: on 584 cached photos
  sharp and slightly soft pages reached 0.704 at most and the lightest focus blur planted,
  sigma 0.21 % of the width, 0.741-0.747, under the earlier 0.75); the share of OCR lines
  read with confidence below 0.9 was at most 0.10 on sharp pages and at least 0.83 on
  motion-blurred ones. Either over its threshold marks the photo blurry. A camera shake
  smears edges along one direction only, so the overall ratio can stay low (0.56 on a page
  that is plainly smeared): the same ratio taken along eight directions (text 15 px high)
  differs by 0.26 and 0.36 between the most and least smeared one on the two shaken pages
  the other rules passed (of 470 generated and sample photos), and by at most 0.18 on the
  sharp and slightly soft ones; 0.22 or more marks shake.
- glare: print washed out under a highlight. Each OCR line is cut into character cells
  (one line-height wide); a cell's contrast is how much darker its darkest ink is than its
  paper. Glare blends the light towards white, so ink and paper converge: a cell whose
  contrast is under 40 % of the page's strong print (the 90th percentile of its cells) has
  lost its text. Lighting, shadows and blur scale ink and paper together or soften the whole
  page, and lighter-printed labels (an ID card's) keep about 45 %, so they do not count; a
  bright or saturated patch with no print under it hides nothing and does not count either.
  On the sample photos the glare ones had 4-21 such cells (one had 3, one's highlight lay
  on blank paper: 0) and the others at most 3; 4 or more marks glare. A lone weak cell
  between two cells keeping 70 % of the strong print is a gap or a colon, not washed-out
  print (a label's colon made 4-6 such cells on three of 398 cached photos without glare,
  which the rule marked; no glare photo lost its mark). (The earlier rule,
  a saturated blob brighter than its surroundings, also fired on evenly lit paper against a
  darker table and on lighting gradients: precision 0.33, recall 0.75.) Fewer washed-out
  cells mark glare too when three or more lie under 55 % and the print round them fades by
  degrees towards one spot (``fade_gradient.py``: a highlight on a page exposed at white,
  where no light shows above the paper); paper lit towards white is the third sign
  (``highlight.py``).
- resolution: a sample loan contract scaled down until fields fail read every field with
  text boxes 17 px high (scale 0.4) and 56 % of them at 16 px (scale 0.33); sample photos
  have 26-49 px. Boxes under 17 px mark the photo as too coarse.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

import cv2
import numpy as np

from backend.documents.fade_gradient import fade_gradient
from backend.documents.highlight import highlight_share
from backend.documents.ocr.base import Image, OcrLine
from backend.documents.thresholds import BLUR, FADE_GRADIENT, GLARE, HIGHLIGHT, RESOLUTION

# The values live in quality_thresholds.json, which the device's check reads too.
SOFTNESS_THRESHOLD = float(BLUR["softness_at_least"])
SHAKE_THRESHOLD = float(BLUR["shake_anisotropy_at_least"])
SHAKE_TEXT_HEIGHT = float(BLUR["shake_text_height_px"])
UNSURE_LINE_SCORE = float(BLUR["unsure_line_score"])
UNSURE_SHARE_THRESHOLD = float(BLUR["unsure_share_at_least"])
MIN_LINES = int(BLUR["min_lines"])
# a cell under this share of the page's strong print is lost
FADED_SHARE_OF_STRONG = float(GLARE["faded_share_of_strong"])
BLANK_CONTRAST = float(GLARE["blank_contrast"])  # a cell with no ink (a gap) is not text
GLARE_MIN_FADED_CELLS = int(GLARE["min_faded_cells"])
LONE_NEIGHBOUR_SHARE = float(GLARE["lone_neighbour_share"])
# fewer washed-out cells, but print fading by degrees round them (fade_gradient.py)
DIM_SHARE_OF_STRONG = float(FADE_GRADIENT["dim_share_of_strong"])
GLARE_MIN_DIM_CELLS = int(FADE_GRADIENT["min_dim_cells"])
GLARE_MIN_GRADIENT = float(FADE_GRADIENT["min_correlation"])
MIN_CELLS = int(GLARE["min_cells"])
HIGHLIGHT_MIN_SHARE = float(HIGHLIGHT["min_share_of_page"])
MIN_TEXT_HEIGHT = float(RESOLUTION["min_text_height_px"])
_TEXT_HEIGHT = float(BLUR["text_height_px"])


@dataclass(frozen=True)
class QualityMetrics:
    softness: float
    unsure_share: float
    glare_share: float  # share of the text cells washed out (faded_cells / cells read)
    text_height: float
    line_count: int
    faded_cells: int = 0
    highlight_share: float = 0.0  # share of the page lit towards white over where print is
    shake: float = 0.0  # edge softness along the most smeared direction minus the least
    dim_cells: int = 0  # cells under DIM_SHARE_OF_STRONG of the strong print
    fade_gradient: float = 0.0  # print fading by degrees towards one spot (fade_gradient.py)

    @property
    def blurry(self) -> bool:
        if self.line_count < MIN_LINES:
            return True  # nothing legible to read: a retake is needed whatever the cause
        return (self.softness >= SOFTNESS_THRESHOLD
                or self.unsure_share >= UNSURE_SHARE_THRESHOLD
                or self.shake >= SHAKE_THRESHOLD)

    @property
    def glare(self) -> bool:
        # blur lowers the contrast of every cell too (a shaken statement had 14 "faded"): on
        # a blurred photo only the light itself tells glare, and the retake is asked anyway
        graded = (self.dim_cells >= GLARE_MIN_DIM_CELLS
                  and self.fade_gradient >= GLARE_MIN_GRADIENT)
        washed_out = (self.faded_cells >= GLARE_MIN_FADED_CELLS or graded) and not self.blurry
        return washed_out or self.highlight_share >= HIGHLIGHT_MIN_SHARE

    @property
    def low_resolution(self) -> bool:
        return 0 < self.text_height < MIN_TEXT_HEIGHT


def _sobel(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (np.asarray(cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)),
            np.asarray(cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)))


def _gradient(grey: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.magnitude(*_sobel(grey)))


_DIRECTIONS = np.deg2rad(np.arange(0.0, 180.0, 22.5))


def _grey_at_text_height(image: Image, text_height: float, target: float = _TEXT_HEIGHT,
                         ) -> np.ndarray:
    scale = target / text_height if text_height > 0 else target / _TEXT_HEIGHT
    scale = min(max(scale, 0.2 * target / _TEXT_HEIGHT), 2.0)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), dtype=np.float32)


def _loss_to_blur(g: np.ndarray, gb: np.ndarray) -> float:
    """Mean of ``gb`` over the strongest 1 % of ``g``, over the mean of ``g`` there."""
    flat = g.ravel()
    k = int(flat.size * 0.99)
    mask = g > np.partition(flat, k)[k] if k < flat.size else g > 0
    if not mask.any() or float(g[mask].mean()) == 0:
        return 1.0
    return float(gb[mask].mean() / g[mask].mean())


def edge_softness(image: Image, text_height: float) -> float:
    """Mean strength of the strongest 1 % of edges after / before an extra 1 px blur.

    Sharp strokes lose much of their edge strength to the extra blur (ratio ≈ 0.45-0.7);
    already-blurred strokes barely change (≈ 0.8+). Scaling to a fixed text height makes
    the figure independent of resolution and font size.
    """
    grey = _grey_at_text_height(image, text_height)
    return _loss_to_blur(_gradient(grey), _gradient(cv2.GaussianBlur(grey, (0, 0), 1.0)))


def shake(image: Image, text_height: float) -> float:
    """How much softer the edges are along the most smeared direction than along the least:
    the edge-softness ratio of the gradient taken along each of eight directions, on a
    copy scaled so text is 15 px high (a smear still spans several pixels there; a quarter
    of the pixels of the 30 px copy: about 40 ms a page)."""
    grey = _grey_at_text_height(image, text_height, SHAKE_TEXT_HEIGHT)
    gx, gy = _sobel(grey)
    bx, by = _sobel(cv2.GaussianBlur(grey, (0, 0), 1.0))
    ratios = [_loss_to_blur(np.abs(gx * np.cos(a) + gy * np.sin(a)),
                            np.abs(bx * np.cos(a) + by * np.sin(a))) for a in _DIRECTIONS]
    return max(ratios) - min(ratios)


@dataclass(frozen=True)
class TextFade:
    cells: int  # character cells read
    faded: int  # cells whose print is washed out
    dim: int = 0  # cells under DIM_SHARE_OF_STRONG of the strong print (washed out or near it)
    gradient: float = 0.0  # how the print fades by degrees towards one spot (fade_gradient)

    @property
    def share(self) -> float:
        return self.faded / self.cells if self.cells else 0.0


def text_cells(image: Image, lines: list[OcrLine],
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every character cell (one line-height wide) of every line: its centre (x, y) in text
    heights, the index of its line and its contrast, 1 - darkest ink / paper.

    Ink is the 1st percentile of the cell, paper the 90th: a ratio, so light falling
    unevenly on the page (or a shadow) leaves it unchanged."""
    grey = image[:, :, 2] if image.ndim == 3 else image  # red: red seals read as paper
    h_img, w_img = grey.shape[:2]
    centres: list[tuple[float, float, int]] = []
    line_of: list[int] = []
    contrasts: list[float] = []
    for index, line in enumerate(lines):
        x0, x1 = max(int(line.left), 0), min(int(line.right), w_img)
        y0, y1 = max(int(line.top), 0), min(int(line.bottom), h_img)
        height = y1 - y0
        if height < 6 or x1 - x0 < height:
            continue
        box = np.asarray(grey[y0:y1, x0:x1], dtype=np.float32)
        n = (x1 - x0) // height
        edges = np.linspace(0, x1 - x0, n + 1).astype(int)
        for a, b in itertools.pairwise(edges):
            cell = box[:, a:b]
            paper = float(np.percentile(cell, 90))
            if paper <= 0:
                continue
            centres.append((x0 + (a + b) / 2, (y0 + y1) / 2, height))
            line_of.append(index)
            contrasts.append(1.0 - float(np.percentile(cell, 1)) / paper)
    if not centres:
        return np.zeros((0, 2)), np.zeros(0, dtype=np.intp), np.zeros(0)
    where = np.asarray(centres, dtype=np.float64)
    return (where[:, :2] / float(np.median(where[:, 2])), np.asarray(line_of, dtype=np.intp),
            np.asarray(contrasts, dtype=np.float64))


def _between_strong(line_of: np.ndarray, contrasts: np.ndarray, strong: float) -> np.ndarray:
    """The cells whose two neighbours on their line both keep LONE_NEIGHBOUR_SHARE of the
    strong print (cells come line by line, left to right)."""
    kept = contrasts >= LONE_NEIGHBOUR_SHARE * strong
    with_next = line_of[1:] == line_of[:-1]  # cell i and cell i + 1 share a line
    between = np.zeros(len(contrasts), dtype=bool)
    between[1:-1] = with_next[:-1] & with_next[1:] & kept[:-2] & kept[2:]
    return between


def text_fade(image: Image, lines: list[OcrLine]) -> TextFade:
    """How many character cells have lost most of their contrast to the page's strong print,
    and how the print fades by degrees round them."""
    centres, line_of, contrasts = text_cells(image, lines)
    if len(contrasts) < MIN_CELLS:
        return TextFade(len(contrasts), 0)
    strong = float(np.percentile(contrasts, 90))
    # a lone weak cell between two strong ones of its line is a gap or a colon: a highlight
    # washes out several cells side by side
    weak = (contrasts > BLANK_CONTRAST) & ~_between_strong(line_of, contrasts, strong)
    faded = weak & (contrasts < FADED_SHARE_OF_STRONG * strong)
    dim = weak & (contrasts < DIM_SHARE_OF_STRONG * strong)
    return TextFade(len(contrasts), int(faded.sum()), int(dim.sum()),
                    fade_gradient(centres, line_of, contrasts, strong))


def measure(image: Image, lines: list[OcrLine], unsure_below: float = UNSURE_LINE_SCORE,
            *, photo: Image | None = None) -> QualityMetrics:
    """``image`` is the upright page and ``lines`` what OCR read from it (in its
    coordinates). ``photo``, the photo as taken, is accepted for callers' sake: glare is
    judged on the print it washes out, which only the page and its lines show."""
    del photo
    heights = [line.height for line in lines]
    text_height = statistics.median(heights) if heights else 0.0
    unsure = sum(1 for line in lines if line.score < unsure_below)
    fade = text_fade(image, lines)
    highlight = highlight_share(image, text_height or _TEXT_HEIGHT)
    return QualityMetrics(
        softness=round(edge_softness(image, text_height or _TEXT_HEIGHT), 3),
        shake=round(shake(image, text_height or _TEXT_HEIGHT), 3),
        unsure_share=round(unsure / len(lines), 3) if lines else 1.0,
        glare_share=round(fade.share, 4),
        text_height=round(text_height, 1),
        line_count=len(lines),
        faded_cells=fade.faded,
        highlight_share=round(highlight, 4),
        dim_cells=fade.dim,
        fade_gradient=round(fade.gradient, 3),
    )
