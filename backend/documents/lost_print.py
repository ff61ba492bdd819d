"""Signs that print was lost from a value OCR read with a high score (pure).

The recogniser can lose one glyph and still be sure of the rest: 1,700.00 read as ,700.00
(the box cut the 1 off), 2025年2月11日 as 2025年2月1日 (two narrow 1s under a seal's ring
read as one), both at 0.95-0.99. The value parses and looks whole, so neither its shape nor
its score shows it. Two things do:

- a figure that starts with a separator (,700.00): no printed amount does, a digit before
  it was lost;
- a second reading of the same box, cropped a little wider or enlarged (``reread.py``),
  that reads the same digits with one more among them: the first reading lost it.

A value whose box reaches the left or right edge of the photo may go on beyond it: a
photo cut through the text (GJJ-LPS-202 for GJJ-LPS-2022-83915, 陆拾贰万元 for 陆拾贰万元整,
read at 0.99-1.0 off a sheet the camera caught half of) reads whole-looking values.

Each makes the value doubted (a warning on the field), so its confidence is capped below
the threshold and staff check it. A second reading that differs otherwise (a digit
changed, one fewer) is no evidence of a lost digit and is left alone: the first reading
was the surer one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from backend.documents import parsers as p
from backend.documents.checks import Check, label
from backend.documents.fields import FieldValue, compact
from backend.documents.layout import Row
from backend.documents.ocr.base import OcrLine
from backend.documents.shapes import kind_of
from backend.verification.validators import halfwidth

# A box this close to the photo's side (in line heights) touches it: the detector's box
# ends at the last pixel of print, so a line cut by the frame ends within a few pixels.
FRAME_MARGIN = 0.25

# a number whose first character is a thousands or decimal separator: ,700.00  ¥.500
_CUT_FIGURE = re.compile(r"(?:^|[^\d,.])[,.]\d")


def digits(text: str) -> str:
    return "".join(ch for ch in halfwidth(text) if ch.isdigit())


def one_digit_more(first: str, second: str) -> bool:
    """True when ``second`` holds the digits of ``first`` with exactly one digit added
    (anywhere): the first reading dropped it."""
    a, b = digits(first), digits(second)
    if not a or len(b) != len(a) + 1:
        return False
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def cut_at_start(text: str) -> bool:
    """A figure that starts with a separator: its leading digit was lost (,700.00)."""
    return bool(_CUT_FIGURE.search(re.sub(r"\s+", "", halfwidth(text))))


def lines_holding(rows: Sequence[Row], kind: str, value: str) -> list[OcrLine]:
    """The lines a value was read from: holding it as printed or parsing to it."""
    parse = {"date": p.date, "amount": p.amount}.get(kind)
    out = []
    for row in rows:
        for cell in row.cells:
            text = compact(cell.text)
            if value.upper() in text.upper() or (parse is not None and parse(text) == value):
                out.append(cell.line)
    return out


def at_frame_side(line: OcrLine, width: float) -> bool:
    """The line's box touches the photo's left or right side: its text may go on beyond."""
    margin = FRAME_MARGIN * line.height
    return line.left <= margin or line.right >= width - margin


def frame_checks(doc_type: str, rows: Sequence[Row], fields: Mapping[str, FieldValue],
                 width: float) -> list[Check]:
    """A warning on each value read from a line that the photo's side cuts."""
    out = []
    for name, fv in fields.items():
        held = lines_holding(rows, kind_of(doc_type, name), fv.value)
        if held and any(at_frame_side(line, width) for line in held):
            out.append(Check("VALUE_AT_PHOTO_EDGE", "warning", name,
                             f"{label(name)}“{fv.value}”紧贴照片边缘，可能没有拍全，请人工核对。",
                             {"width": width}))
    return out
