"""Where a computed indicator comes from, for indicators other domains provide.

The built-in indicators (including 群众满意度 from consultation's ratings and the visit
indicators) are measured in ``indicators``; a source registered here,
``register_source(key, fn)``, adds (or overrides) an indicator key. A source gets the staff
ids and the month's bounds and returns a value per staff id (a missing id: no value). A
registered key can only be scored once ``scheme.COMPUTED`` lists it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from uuid import UUID

Source = Callable[[Sequence[UUID], datetime, datetime], Awaitable[dict[UUID, float]]]

_SOURCES: dict[str, Source] = {}


def register_source(key: str, source: Source) -> None:
    _SOURCES[key] = source


def source_of(key: str) -> Source | None:
    return _SOURCES.get(key)


def sources() -> list[tuple[str, Source]]:
    return sorted(_SOURCES.items())
