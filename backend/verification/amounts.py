"""Amounts as printed: figures (小写) and Chinese financial numerals (大写).

``parse_upper_amount("人民币叁拾陆万捌仟伍佰元整") == Decimal("368500.00")``; the reverse,
:func:`to_upper_amount`, writes the form banks print, so the two can be compared.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from backend.verification.validators import halfwidth

_DIGITS = {"零": 0, "〇": 0, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5,
           "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
           # everyday numerals also appear on hand-filled forms
           "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_SMALL_UNITS = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_FRACTION_UNITS = {"角": Decimal("0.1"), "分": Decimal("0.01")}
_NOISE = re.compile(r"[人民币￥¥:：\s整正]")
_CENTS = Decimal("0.01")


def parse_upper_amount(text: str) -> Decimal | None:
    """Chinese numerals to an amount; None when the text is not a well-formed amount."""
    s = _NOISE.sub("", text).replace("圆", "元")
    if not s or any(c not in _DIGITS and c not in _SMALL_UNITS and c not in _BIG_UNITS
                    and c not in _FRACTION_UNITS and c != "元" for c in s):
        return None
    if "元" in s:
        integer_part, _, fraction_part = s.partition("元")
    elif any(c in _FRACTION_UNITS for c in s):
        integer_part, fraction_part = "", s  # 伍角 — less than one yuan
    else:
        integer_part, fraction_part = s, ""
    whole = _parse_integer(integer_part)
    if whole is None:
        return None
    fraction = Decimal(0)
    digit: int | None = None
    for c in fraction_part:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _FRACTION_UNITS and digit is not None:
            fraction += digit * _FRACTION_UNITS[c]
            digit = None
        else:
            return None
    return (Decimal(whole) + fraction).quantize(_CENTS)


def _parse_integer(s: str) -> int | None:
    if not s:
        return 0
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * _BIG_UNITS[c] if _BIG_UNITS[c] > 10_000 else (
                total + section * _BIG_UNITS[c])
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


_UPPER = "零壹贰叁肆伍陆柒捌玖"


def _four_digits(n: int) -> str:
    out, zero = "", False
    for value, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero and out else "") + _UPPER[d] + unit
            zero = False
        else:
            zero = True
    return out


def to_upper_amount(amount: Decimal) -> str:
    """368500 → 叁拾陆万捌仟伍佰元整 (the form used on contracts)."""
    cents = int((amount.quantize(_CENTS) * 100).to_integral_value())
    whole, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    parts: list[str] = []
    for unit_value, unit in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        chunk = whole // unit_value % 10_000 if unit_value < 100_000_000 else whole // unit_value
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(_four_digits(chunk) + unit)
        elif parts and parts[-1] != "零":
            parts.append("零")
    text = "".join(parts).rstrip("零") or "零"
    text += "元"
    if not jiao and not fen:
        return text + "整"
    if jiao:
        text += _UPPER[jiao] + "角"
    elif whole:
        text += "零"
    if fen:
        text += _UPPER[fen] + "分"
    return text


def parse_figure_amount(text: str) -> Decimal | None:
    """'人民币736,000.00元' / '¥ 736000' / '73.6万元' → Decimal with two places."""
    s = halfwidth(text).replace("，", ",")
    m = re.search(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万)?", s)
    if not m:
        return None
    try:
        value = Decimal(m.group(1).replace(",", ""))
        if m.group(2):
            value *= 10_000
        # Absurdly long digit runs exceed Decimal's precision: not an amount.
        return value.quantize(_CENTS)
    except InvalidOperation:
        return None


def format_amount(value: Decimal) -> str:
    return f"{value.quantize(_CENTS):.2f}"


def upper_matches_figures(upper: str, figures: Decimal) -> bool | None:
    """True/False when the 大写 text parses; None when it cannot be read as an amount."""
    parsed = parse_upper_amount(upper)
    return None if parsed is None else parsed == figures.quantize(_CENTS)
