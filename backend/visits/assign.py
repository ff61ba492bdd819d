"""Suggested assignee for a visit (pure): nearest area first, then fewest visits that day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Candidate:
    user_id: UUID
    username: str
    areas: tuple[str, ...]  # e.g. ("钟山区", "荷泉街道")


def distance(address: str, areas: Sequence[str]) -> int:
    """0: the address names one of the worker's areas; 1: the same city part (the area's
    first two characters appear, e.g. 「钟山」); 2: elsewhere or no area recorded."""
    if any(area and area in address for area in areas):
        return 0
    if any(len(area) >= 2 and area[:2] in address for area in areas):
        return 1
    return 2


def ranked(
    address: str, candidates: Sequence[Candidate], visits_that_day: Mapping[UUID, int]
) -> list[Candidate]:
    """Best first: nearest area, then fewest visits that day, then username (stable)."""
    return sorted(
        candidates,
        key=lambda c: (distance(address, c.areas), visits_that_day.get(c.user_id, 0), c.username),
    )


def suggest(
    address: str, candidates: Sequence[Candidate], visits_that_day: Mapping[UUID, int]
) -> Candidate | None:
    order = ranked(address, candidates, visits_that_day)
    return order[0] if order else None
