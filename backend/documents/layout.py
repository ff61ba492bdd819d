"""Reading order for OCR lines: rows of cells, robust to a tilted or slightly warped page."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from backend.documents.ocr.base import OcrLine


@dataclass
class Cell:
    line: OcrLine
    x: float  # de-tilted left edge
    y: float  # de-tilted centre
    right: float

    @property
    def text(self) -> str:
        return self.line.text


@dataclass
class Row:
    cells: list[Cell]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.cells)

    @property
    def y(self) -> float:
        return statistics.fmean(c.y for c in self.cells)


def page_tilt(lines: list[OcrLine]) -> float:
    """Median angle (radians) of the top edges of clearly horizontal lines."""
    angles = []
    for line in lines:
        (x0, y0), (x1, y1) = line.quad[0], line.quad[1]
        if x1 - x0 > 3 * max(line.height, 1.0):
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(angles) if angles else 0.0


def build_rows(lines: list[OcrLine]) -> list[Row]:
    """Groups lines whose de-tilted centres share a band into rows, top to bottom."""
    if not lines:
        return []
    tilt = page_tilt(lines)
    cos, sin = math.cos(-tilt), math.sin(-tilt)
    cells = []
    for line in lines:
        cx, cy = line.centre
        half = (line.right - line.left) / 2
        x, y = cx * cos - cy * sin, cx * sin + cy * cos
        cells.append(Cell(line, x - half, y, x + half))
    cells.sort(key=lambda c: c.y)
    rows: list[list[Cell]] = []
    for cell in cells:
        h = max(cell.line.height, 1.0)
        if rows:
            row = rows[-1]
            row_y = statistics.fmean(c.y for c in row)
            row_h = statistics.fmean(max(c.line.height, 1.0) for c in row)
            if abs(cell.y - row_y) < 0.5 * min(h, row_h):
                row.append(cell)
                continue
        rows.append([cell])
    return [Row(sorted(r, key=lambda c: c.x)) for r in rows]
