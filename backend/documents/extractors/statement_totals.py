"""A statement's printed totals (合计 row) against the sums of its rows, as pure rules.

The printed totals are never taken instead of the rows' sums. They settle rows whose
arithmetic failed with no single likely repair (exactly one combination of repairs makes
every printed column add up), and a printed total that still differs from the rows' sum
becomes a check for staff, not a silent pick.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol

SUMMED = ("principal", "interest", "total")
_MAX_UNSETTLED = 6  # rows tried together (3 options each)


class _Row(Protocol):
    principal: Decimal | None
    interest: Decimal | None
    total: Decimal | None
    repaired: str | None


def column_sum(table: Sequence[_Row], column: str) -> Decimal | None:
    values = [getattr(r, column) for r in table]
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def _options(row: _Row) -> list[tuple[str, Decimal]]:
    p, i, t = row.principal, row.interest, row.total
    if p is None or i is None or t is None or p + i == t:
        return []
    return [(c, v) for c, v in (("principal", t - i), ("interest", t - p), ("total", p + i))
            if v > 0]


def reconcile(table: Sequence[_Row], printed: Mapping[str, Decimal]) -> list[int]:
    """Repairs rows whose principal + interest ≠ total when exactly one choice of the value
    to recompute in each of them makes every printed column equal its sum. Returns the
    indexes of the rows it changed."""
    columns = [c for c in SUMMED if c in printed]
    unsettled = [k for k, r in enumerate(table) if _options(r)]
    if not columns or not unsettled or len(unsettled) > _MAX_UNSETTLED:
        return []
    base = {c: column_sum(table, c) for c in columns}
    if any(v is None for v in base.values()):
        return []
    fits = []
    for combo in itertools.product(*(_options(table[k]) for k in unsettled)):
        sums = dict(base)
        for k, (column, value) in zip(unsettled, combo, strict=True):
            if column in sums:
                old = getattr(table[k], column)
                sums[column] = (sums[column] or Decimal(0)) - old + value
        if all(sums[c] == printed[c] for c in columns):
            fits.append(combo)
    if len(fits) != 1:
        return []
    for k, (column, value) in zip(unsettled, fits[0], strict=True):
        setattr(table[k], column, value)
        table[k].repaired = column
    return unsettled


def mismatches(table: Sequence[_Row], printed: Mapping[str, Decimal],
               ) -> list[tuple[str, Decimal | None, Decimal]]:
    """(column, sum of the rows, printed total) for every printed total that differs."""
    out = []
    for column in SUMMED:
        if column in printed:
            computed = column_sum(table, column)
            if computed != printed[column]:
                out.append((column, computed, printed[column]))
    return out
