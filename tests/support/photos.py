"""Pages of print, the OCR boxes round them and light on them, for the quality checks'
unit tests (no OCR)."""

from __future__ import annotations

import cv2
import numpy as np

from backend.documents.ocr.base import OcrLine

TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"


def box(text: str, left: float, right: float, base: float) -> OcrLine:
    return OcrLine(text, ((left, base - 26), (right, base - 26), (right, base + 6),
                          (left, base + 6)), 0.99)


def printed_page(ink: int = 25, label_ink: int | None = None,
                 paper: int = 245) -> tuple[np.ndarray, list[OcrLine]]:
    """A page of 14 text lines (30 characters each) and the OCR boxes around them; with
    ``label_ink`` each line starts with a lighter-printed label, as on an ID card."""
    page = np.full((1200, 900, 3), paper, dtype=np.uint8)
    lines = []
    for i in range(14):
        base = 140 + i * 70
        if label_ink is None:
            cv2.putText(page, TEXT, (60, base), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (ink, ink, ink), 2)
            lines.append(box(TEXT, 55, 600, base))
        else:  # label and value far apart: OCR reads them as two lines
            cv2.putText(page, "NAME", (60, base), cv2.FONT_HERSHEY_SIMPLEX, 0.9,
                        (label_ink, label_ink, label_ink), 2)
            cv2.putText(page, "KLMNOPQRSTUVWXYZ01234", (220, base),
                        cv2.FONT_HERSHEY_SIMPLEX, 0.9, (ink, ink, ink), 2)
            lines += [box("NAME", 55, 150, base), box("KLMNOPQRSTUVWXYZ01234", 215, 600, base)]
    return page, lines


def outside(lines: list[OcrLine], centre: tuple[int, int], axes: tuple[int, int],
            ) -> list[OcrLine]:
    """The lines OCR still boxes when a highlight wiped the print under it clean."""
    cx, cy = centre
    return [ln for ln in lines if abs((ln.top + ln.bottom) / 2 - cy) > axes[1]
            or ln.right < cx - axes[0] or ln.left > cx + axes[0]]


def with_glare(page: np.ndarray, centre: tuple[int, int], axes: tuple[int, int],
               core: float = 0.9) -> np.ndarray:
    """A specular highlight: light blended towards white, flat at the core, soft at the rim."""
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - centre[0]) / axes[0]) ** 2 + ((yy - centre[1]) / axes[1]) ** 2
    strength = core * np.exp(-np.maximum(r2 - 0.35, 0) * 1.6)
    out = page.astype(np.float32)
    out += strength[:, :, None] * (255.0 - out)
    return np.asarray(out.clip(0, 255), dtype=np.uint8)
