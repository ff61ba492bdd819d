"""Signs that OCR dropped a digit from a value it read with a high score (pure).

The recogniser can lose one glyph and still be sure of the rest: 1,700.00 read as ,700.00
(the box cut the 1 off), 2025年2月11日 as 2025年2月1日 (two narrow 1s under a seal's ring
read as one), both at 0.95-0.99. The value parses and looks whole, so neither its shape nor
its score shows it. Two things do:

- a figure that starts with a separator (,700.00): no printed amount does, a digit before
  it was lost;
- a second reading of the same box, cropped a little wider or enlarged (``reread.py``),
  that reads the same digits with one more among them: the first reading lost it.

Either makes the value doubted (a warning on the field), so its confidence is capped below
the threshold and staff check it. A second reading that differs otherwise (a digit
changed, one fewer) is no evidence of a lost digit and is left alone: the first reading
was the surer one.
"""

from __future__ import annotations

import re

from backend.verification.validators import halfwidth

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
