"""The inbox's part of a full sync: the user's own notifications, by id.

Register ``InboxSnapshot()`` in ``sync.sources.SOURCES`` so that a device's first (full)
sync receives the notifications written before it; later ones arrive through the log.
"""

from __future__ import annotations

from uuid import UUID

from backend.notifications import queries
from backend.notifications.changes import INBOX_ENTITY, inbox_data
from sync.changelog.audience import Scope
from sync.changelog.snapshot import Change, SnapshotPage


class InboxSnapshot:
    entity = INBOX_ENTITY

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        # Only the user's own inbox, whatever else their role lets them see.
        items = await queries.inbox_by_id(scope.user_id, UUID(after) if after else None, limit)
        changes = [
            Change(INBOX_ENTITY, str(item.id), "put", item.version, inbox_data(item))
            for item in items
        ]
        return SnapshotPage(changes, str(items[-1].id) if len(items) == limit else None)
