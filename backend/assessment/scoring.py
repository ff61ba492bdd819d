"""One staff member's month under a scheme (pure): each indicator's value and points, and
the weighted total. Reproducible: the same scheme version and data give the same row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backend.assessment.scheme import Indicator, Scheme


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    label: str
    value: float | None  # the measured value (computed) or the points given (manual)
    points: float | None  # None: nothing to score this month (left out of the total)
    weight: float


@dataclass(frozen=True, slots=True)
class Row:
    items: tuple[Item, ...]
    total: float | None


def band_points(indicator: Indicator, value: float | None) -> float | None:
    if value is None:
        return None
    return next((b.points for b in indicator.bands if b.holds(value)), 0.0)


def score_month(
    scheme: Scheme, measured: Mapping[str, float | None], manual: Mapping[str, float]
) -> Row:
    """``measured``: computed indicator → value; ``manual``: manual indicator → points."""
    items = []
    for indicator in scheme.indicators:
        if indicator.source == "manual":
            given = manual.get(indicator.key)
            points = None if given is None else min(max(given, 0.0), indicator.max_points)
            scaled = None if points is None else points * 100.0 / indicator.max_points
            items.append(Item(indicator.key, indicator.label, given, scaled, indicator.weight))
        else:
            value = measured.get(indicator.key)
            items.append(Item(indicator.key, indicator.label, value,
                              band_points(indicator, value), indicator.weight))
    scored = [i for i in items if i.points is not None and i.weight > 0]
    weights = sum(i.weight for i in scored)
    total = round(sum(i.points * i.weight for i in scored if i.points is not None) / weights, 2) \
        if weights else None
    return Row(tuple(items), total)


def return_rate(submitted: int, returned: int) -> float | None:
    """业务回退率 = returned ÷ submitted (None when nothing was submitted)."""
    return round(returned / submitted, 4) if submitted else None


def on_time_share(due: int, on_time: int) -> float | None:
    return round(100.0 * on_time / due, 2) if due else None
