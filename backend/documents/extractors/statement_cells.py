"""Repayment-table cells and columns, as pure rules.

A table is found by its header row whatever the column order and wording. Header cells
name their column by the words of :func:`column_of`; a header cell that names nothing
(worded otherwise, or misread) gets its column from the cells under it: dates, small
rising integers (periods) or amounts, and amounts are told apart by arithmetic
(principal + interest = total) and by the balance falling row by row.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from backend.documents.fields import compact, edit_distance
from backend.verification.amounts import parse_figure_amount
from backend.verification.validators import parse_date

AMOUNT_COLUMNS = ("principal", "interest", "total", "balance")


def column_of(header: str) -> str | None:
    """Which table column a header cell names."""
    h = compact(header)
    if re.search(r"余额|剩余|结欠|尚欠|未还", h):
        return "balance"
    if "利息" in h:
        return "interest"
    if "本金" in h:
        return "principal"
    if re.search(r"合计|本息|还款额|月供|金额|实还|发生额", h):
        return "total"
    if re.search(r"日期|还款日|扣款日|时间|年月", h):
        return "date"
    if re.search(r"期次|期数|序号|期号", h):
        return "period"
    return None


# Letters OCR reads for digits inside a figure (Z for 2, O for 0, l for 1, S for 5).
_DIGIT_LIKE = str.maketrans({"Z": "2", "z": "2", "O": "0", "o": "0", "l": "1", "I": "1",
                             "S": "5", "B": "8"})


def _digits_for_letters(m: re.Match[str]) -> str:
    token = m.group(0)
    return token.translate(_DIGIT_LIKE) if sum(c.isdigit() for c in token) >= 3 else token


def amount_in(text: str) -> Decimal | None:
    """The figure with two decimals in a cell, tolerant of what OCR does to figures:
    letters for digits, a colon for the decimal point, dots for thousands separators."""
    t = compact(text)
    t = re.sub(r"[\dZzOolISB][\dZzOolISB,.:]{3,}", _digits_for_letters, t)
    t = re.sub(r"(?<=\d)[:;](?=\d{2}(?!\d))", ".", t)
    t = re.sub(r"(?<=\d)\.(?=\d{3}[.,]\d)", ",", t)  # 2.424.45 → 2,424.45
    m = re.search(r"(?<![\d.])\d[\d,]*\.\d{2}(?![\d.])", t)
    return parse_figure_amount(m.group(0)) if m else None


def date_in(text: str) -> dt.date | None:
    """A date in a table cell (2024-01-28, 2024/01/28, 2024.01.28, 20240128, 2024年1月28日),
    with a comma misread for a dot."""
    t = compact(text)
    t = re.sub(r"(?<=\d{4})[,，](?=\d{1,2}\D)", ".", t)
    return parse_date(t)


def _period_in(text: str) -> int | None:
    t = compact(text)
    return int(t) if re.fullmatch(r"\d{1,3}", t) else None


def kind_of(values: Sequence[str]) -> str | None:
    """What a column's cells hold, when most of them agree: date, period or amount."""
    filled = [v for v in values if v.strip()]
    if not filled:
        return None
    need = 0.6 * len(filled)
    if sum(date_in(v) is not None for v in filled) >= need:
        return "date"
    periods = [_period_in(v) for v in filled]
    if sum(p is not None for p in periods) >= need:
        return "period"
    if sum(amount_in(v) is not None for v in filled) >= need:
        return "amount"
    return None


def name_amount_columns(unknown: Sequence[int], taken: Sequence[str],
                        values: dict[int, list[Decimal | None]],
                        known: dict[str, list[Decimal | None]]) -> dict[int, str]:
    """Names for amount columns whose header named nothing: the assignment of the names not
    yet taken that best fits principal + interest = total and a falling balance."""
    free = [c for c in AMOUNT_COLUMNS if c not in taken]
    if not unknown or not free:
        return {}
    best: tuple[float, dict[int, str]] = (-1.0, {})
    for names in itertools.permutations(free, min(len(unknown), len(free))):
        guess = dict(zip(unknown, names, strict=False))
        cols = dict(known)
        cols.update({name: values[i] for i, name in guess.items()})
        best = max(best, (_fit(cols), guess), key=lambda b: b[0])
    return best[1]


def _fit(cols: dict[str, list[Decimal | None]]) -> float:
    n = max((len(v) for v in cols.values()), default=0)
    score = 0.0
    for r in range(n):
        p, i, t = (cols.get(k, [None] * n)[r] for k in ("principal", "interest", "total"))
        if p is not None and i is not None and t is not None and p + i == t:
            score += 3
    bal = [b for b in cols.get("balance", []) if b is not None]
    score += sum(a > b for a, b in itertools.pairwise(bal))
    tot = [t for t in cols.get("total", []) if t is not None]
    for k in ("principal", "interest"):  # parts are smaller than their sum
        score += sum(v is not None and t is not None and v < t
                     for v, t in zip(cols.get(k, []), cols.get("total", []), strict=False)) * 0.5
    return score + 0.01 * len(tot)


def arithmetic_repair(values: dict[str, Decimal | None],
                      neighbours: dict[str, tuple[Decimal | None, Decimal | None]]) -> str | None:
    """When principal + interest ≠ total, the one value whose replacement (from the other
    two) is the likeliest misreading: fewest characters changed from what was read, then
    the value nearest what its neighbouring rows (previous, next) suggest, as instalments
    change slowly. Changes ``values`` and returns the column it changed, or None when no
    single repair stands out."""
    p, i, t = (values.get(k) for k in ("principal", "interest", "total"))
    if p is None or i is None or t is None or p + i == t:
        return None
    options = []
    for name, new, old in (("principal", t - i, p), ("interest", t - p, i), ("total", p + i, t)):
        if new <= 0:
            continue
        cost = edit_distance(f"{old:.2f}", f"{new:.2f}") + 0.5 * _away(new, neighbours.get(
            name, (None, None)))
        options.append((cost, name, new))
    options.sort(key=lambda o: o[0])
    if not options or options[0][0] > 2.5 or (
            len(options) > 1 and options[1][0] - options[0][0] < 0.2):
        return None
    _, name, new = options[0]
    values[name] = new
    return name


def _away(value: Decimal, around: tuple[Decimal | None, Decimal | None]) -> float:
    """How far (relative, at most 1) a value is from what its neighbours suggest: their
    mean when both are known, else the one that is."""
    known = [n for n in around if n is not None and n > 0]
    if not known:
        return 1.0
    expected = sum(known, Decimal(0)) / len(known)
    return min(float(abs(value - expected) / expected) * 20, 1.0)


def next_month(day: dt.date) -> dt.date:
    y, m = divmod(day.year * 12 + day.month, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
