"""Full sync reads current state, not the log: one source per entity, paged by key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sync.changelog.audience import Scope


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of a pull: an entity put or deleted, at a version."""

    entity: str
    id: str
    op: str  # put | delete
    version: int
    data: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class SnapshotPage:
    changes: list[Change]
    next_after: str | None  # None: this source is done


class SnapshotSource(Protocol):
    entity: str

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        """Up to ``limit`` rows the scope sees, after key ``after`` ("" = from the start)."""
