"""Builds OCR lines for extractor tests without running OCR: rows of (x, text) cells."""

from __future__ import annotations

import math

from backend.documents.layout import Row, build_rows
from backend.documents.ocr.base import OcrLine

CHAR_W = 24.0
LINE_H = 30.0


def line(x: float, y: float, text: str, score: float = 0.99, tilt_deg: float = 0.0) -> OcrLine:
    """A text box at (x, y) one character wide per character, optionally tilted."""
    w = CHAR_W * max(len(text), 1)
    t = math.radians(tilt_deg)
    dx, dy = math.cos(t), math.sin(t)
    p0 = (x, y)
    p1 = (x + w * dx, y + w * dy)
    p2 = (p1[0] - LINE_H * dy, p1[1] + LINE_H * dx)
    p3 = (x - LINE_H * dy, y + LINE_H * dx)
    return OcrLine(text, (p0, p1, p2, p3), score)


def page(*rows: list[tuple[float, str]] | str, tilt_deg: float = 0.0,
         gap: float = 45.0) -> list[OcrLine]:
    """Each argument is a row: a string (one cell at x=100) or [(x, text), ...]."""
    out = []
    t = math.tan(math.radians(tilt_deg))
    for i, row in enumerate(rows):
        cells = [(100.0, row)] if isinstance(row, str) else row
        for x, text in cells:
            out.append(line(x, 100 + i * gap + x * t, text, tilt_deg=tilt_deg))
    return out


def rows_of(*rows: list[tuple[float, str]] | str, tilt_deg: float = 0.0) -> list[Row]:
    return build_rows(page(*rows, tilt_deg=tilt_deg))
