"""What every OCR engine returns: text lines with their position on the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
Point = tuple[float, float]


@dataclass(frozen=True)
class OcrLine:
    """One recognised run of text; ``quad`` is its corners clockwise from top-left."""

    text: str
    quad: tuple[Point, Point, Point, Point]
    score: float
    # The recogniser's probability of each character of ``text`` (RapidOCR gives them;
    # empty where an engine does not): a line's score is their mean, so one misread
    # character in a long line hides in it.
    char_scores: tuple[float, ...] = ()

    @property
    def left(self) -> float:
        return min(p[0] for p in self.quad)

    @property
    def right(self) -> float:
        return max(p[0] for p in self.quad)

    @property
    def top(self) -> float:
        return min(p[1] for p in self.quad)

    @property
    def bottom(self) -> float:
        return max(p[1] for p in self.quad)

    @property
    def centre(self) -> Point:
        return (sum(p[0] for p in self.quad) / 4, sum(p[1] for p in self.quad) / 4)

    @property
    def height(self) -> float:
        (x0, y0), _, _, (x3, y3) = self.quad
        return float(np.hypot(x3 - x0, y3 - y0))


@dataclass
class OcrPage:
    """An upright page's lines; ``rotated_degrees`` is how far the photo was turned clockwise."""

    lines: list[OcrLine]
    width: int
    height: int
    rotated_degrees: int = 0
    engine: str = ""
    image: Image | None = field(default=None, repr=False)  # the upright image, for rereads


class OcrEngine(Protocol):
    """One engine instance per worker process; both calls may be made many times."""

    name: str
    # Line confidence below which a reading counts as unsure (engines' scales differ).
    unsure_below: float

    def read_page(self, image: Image) -> OcrPage:
        """Turns the page upright and reads all of its lines."""
        ...

    def read_crop(self, image: Image) -> tuple[str, float]:
        """Reads one single-line crop (used to re-read a field with a second engine)."""
        ...
