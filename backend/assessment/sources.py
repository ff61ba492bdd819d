"""Where a computed indicator comes from, for indicators other domains provide.

``satisfaction`` (群众满意度) is measured by the consultation domain (member feedback):
it registers a source here, ``register_source("satisfaction", fn)``; until then the item
has no value and is left out of the total. A source gets the staff ids and the month's
bounds and returns a value per staff id (a missing id: no value)."""

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
