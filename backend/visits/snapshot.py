"""The visits' part of a full sync: the visits the reader is assigned (or their team's)."""

from __future__ import annotations

from uuid import UUID

from backend.visits import handover_queries, queries
from backend.visits.changes import HANDOVER_ENTITY, VISIT_ENTITY, handover_data, visit_data
from sync.changelog.audience import Scope
from sync.changelog.snapshot import Change, SnapshotPage


class VisitSnapshot:
    entity = VISIT_ENTITY

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        visits = await queries.snapshot_visits(scope, UUID(after) if after else None, limit)
        changes = [Change(VISIT_ENTITY, str(v.id), "put", v.version, visit_data(v)) for v in visits]
        return SnapshotPage(changes, str(visits[-1].id) if len(visits) == limit else None)


class HandoverSnapshot:
    """Handovers the reader left or received (their devices act on the pending ones)."""

    entity = HANDOVER_ENTITY

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        if after:
            return SnapshotPage([], None)
        records = await handover_queries.handovers_of(scope.user_id)
        changes = [
            Change(HANDOVER_ENTITY, str(r.id), "put", r.version, handover_data(r)) for r in records
        ]
        return SnapshotPage(changes, None)
