"""The knowledge base's part of a full sync: every article's published version, by id.

Register ``KnowledgeSnapshot()`` in ``sync.sources.SOURCES`` for devices to receive the
articles published before their first sync (later ones arrive through the change log).
"""

from __future__ import annotations

from uuid import UUID

from backend.knowledge import queries
from backend.knowledge.changes import ARTICLE_ENTITY, article_data
from sync.changelog.audience import Scope
from sync.changelog.snapshot import Change, SnapshotPage


class KnowledgeSnapshot:
    entity = ARTICLE_ENTITY

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        # Every signed-in user receives the whole knowledge base: the scope does not matter.
        records = await queries.published_current(UUID(after) if after else None, limit)
        changes = [
            Change(ARTICLE_ENTITY, str(r.article_id), "put", r.version, article_data(r))
            for r in records
        ]
        next_after = str(records[-1].article_id) if len(records) == limit else None
        return SnapshotPage(changes, next_after)
