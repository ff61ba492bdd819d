"""Photo quality: blur, glare and too-low resolution, each against a measured threshold.

Measured on the sample photos (``bench/extraction.py --quality`` prints the metrics):

- blur: the edge-softness ratio (how much a further 1 px Gaussian blur weakens the
  strongest edges, after scaling the page so text lines are 30 px high) was at most 0.71
  on sharp pages and 0.81 on a focus-blurred one; the share of OCR lines read with
  confidence below 0.9 was at most 0.10 on sharp pages and at least 0.83 on motion-blurred
  ones. Either over its threshold marks the photo blurry.
- glare: a burnt-out highlight — a connected area of saturated white, brighter than the
  paper around it, covering a noticeable part of the photo.
- resolution: a sample loan contract scaled down until fields fail read every field with
  text boxes 17 px high (scale 0.4) and 56 % of them at 16 px (scale 0.33); sample photos
  have 26-49 px. Boxes under 17 px mark the photo as too coarse.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import cv2
import numpy as np

from backend.documents.ocr.base import Image, OcrLine

SOFTNESS_THRESHOLD = 0.75
UNSURE_LINE_SCORE = 0.9
UNSURE_SHARE_THRESHOLD = 0.4
MIN_LINES = 3
GLARE_MIN_SHARE = 0.015
GLARE_MAX_SHARE = 0.35
GLARE_RING_CONTRAST = 12.0
MIN_TEXT_HEIGHT = 17.0
_TEXT_HEIGHT = 30.0


@dataclass(frozen=True)
class QualityMetrics:
    softness: float
    unsure_share: float
    glare_share: float
    text_height: float
    line_count: int

    @property
    def blurry(self) -> bool:
        if self.line_count < MIN_LINES:
            return True  # nothing legible to read: a retake is needed whatever the cause
        return (self.softness >= SOFTNESS_THRESHOLD
                or self.unsure_share >= UNSURE_SHARE_THRESHOLD)

    @property
    def glare(self) -> bool:
        return self.glare_share >= GLARE_MIN_SHARE

    @property
    def low_resolution(self) -> bool:
        return 0 < self.text_height < MIN_TEXT_HEIGHT


def _gradient(grey: np.ndarray) -> np.ndarray:
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    return np.asarray(cv2.magnitude(gx, gy))


def edge_softness(image: Image, text_height: float) -> float:
    """Mean strength of the strongest 1 % of edges after / before an extra 1 px blur.

    Sharp strokes lose much of their edge strength to the extra blur (ratio ≈ 0.45-0.7);
    already-blurred strokes barely change (≈ 0.8+). Scaling to a fixed text height makes
    the figure independent of resolution and font size.
    """
    scale = _TEXT_HEIGHT / text_height if text_height > 0 else 1.0
    scale = min(max(scale, 0.2), 2.0)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    grey = np.asarray(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), dtype=np.float32)
    g = _gradient(grey)
    gb = _gradient(cv2.GaussianBlur(grey, (0, 0), 1.0))
    mask = g > np.percentile(g, 99)
    if not mask.any() or float(g[mask].mean()) == 0:
        return 1.0
    return float(gb[mask].mean() / g[mask].mean())


def glare_share(image: Image) -> float:
    """Share of the photo covered by saturated highlights that are brighter than their
    surroundings (a flat white scan has no darker surroundings and scores 0)."""
    small = cv2.resize(image, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    grey = np.asarray(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
    saturated = cv2.morphologyEx((grey >= 250).astype(np.uint8), cv2.MORPH_CLOSE,
                                 np.ones((5, 5), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(saturated)
    total = grey.size
    share = 0.0
    for i in range(1, count):
        area = stats[i, cv2.CC_STAT_AREA]
        if not GLARE_MIN_SHARE * total <= area <= GLARE_MAX_SHARE * total:
            continue
        blob = (labels == i).astype(np.uint8)
        ring = cv2.dilate(blob, np.ones((25, 25), np.uint8)) - blob
        if ring.any() and 255 - float(np.median(grey[ring > 0])) >= GLARE_RING_CONTRAST:
            share += float(area) / total
    return share


def measure(image: Image, lines: list[OcrLine], unsure_below: float = UNSURE_LINE_SCORE,
            *, photo: Image | None = None) -> QualityMetrics:
    """``image`` is the upright page, ``lines`` what OCR read from it, ``photo`` the photo
    as taken (glare is judged on it, background included)."""
    heights = [line.height for line in lines]
    text_height = statistics.median(heights) if heights else 0.0
    unsure = sum(1 for line in lines if line.score < unsure_below)
    return QualityMetrics(
        softness=round(edge_softness(image, text_height or _TEXT_HEIGHT), 3),
        unsure_share=round(unsure / len(lines), 3) if lines else 1.0,
        glare_share=round(glare_share(photo if photo is not None else image), 4),
        text_height=round(text_height, 1),
        line_count=len(lines),
    )
