"""How sure the recogniser was of a value's least certain character (pure).

A line's score is the mean of its characters' probabilities, so one character read wrong
in a long line (张宇 read 张字 at 0.55 among ten at 1.0) leaves the line at 0.96: sure. The
value's weakest character says it. Values are often not printed as read (dates
reformatted, amounts without ¥ and separators, a value joined from two cells), so the
value's characters are matched to the lines' characters in order (difflib's matching
blocks), and the lines that hold most of the value are the ones it was read from.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from backend.documents.layout import Row
from backend.documents.ocr.base import OcrLine

_MIN_MATCHED = 2  # characters: a lone digit is everywhere on a page
_ENOUGH = 0.8  # share of the value's characters found in the lines taken


def _matched(line: OcrLine, value: str) -> list[int]:
    """Indices of the line's characters that match the value's, in order."""
    blocks = SequenceMatcher(None, line.text, value, autojunk=False).get_matching_blocks()
    return [block.a + k for block in blocks for k in range(block.size)]


def weakest_character(value: str, rows: Sequence[Row] | None) -> float | None:
    """The lowest probability among the characters of the lines the value was read from
    that belong to it; None when the engine gave no character scores or no line holds the
    value (a computed figure, a field found another way)."""
    if not rows or len(value) < _MIN_MATCHED:
        return None
    scored: list[tuple[OcrLine, list[int]]] = []
    for row in rows:
        for cell in row.cells:
            if cell.line.char_scores:
                idx = _matched(cell.line, value)
                if len(idx) >= _MIN_MATCHED:
                    scored.append((cell.line, idx))
    # the line holding most of the value first; of two equal, the one that is most value
    scored.sort(key=lambda item: (-len(item[1]), -len(item[1]) / len(item[0].text)))
    lows: list[float] = []
    covered = 0
    for line, idx in scored:
        if covered >= _ENOUGH * len(value):
            break
        lows.append(min(line.char_scores[i] for i in idx))
        covered += len(idx)
    return min(lows, default=None)
