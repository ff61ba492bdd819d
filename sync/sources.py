"""The entities sync serves: their full-sync sources, and what each reader may receive.

A domain joins by adding its snapshot source here; its changes reach the log through
``sync.changelog.changes.record`` with an audience.
"""

from __future__ import annotations

from dataclasses import replace

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.changes import masked_for_reader
from backend.cases.snapshot import CaseSnapshot
from backend.knowledge.snapshot import KnowledgeSnapshot
from backend.notifications.snapshot import InboxSnapshot
from backend.visits.snapshot import HandoverSnapshot, VisitSnapshot
from sync.changelog.snapshot import Change, SnapshotSource

# A full sync reads them in this order; each entity's later changes come through the log.
SOURCES: tuple[SnapshotSource, ...] = (
    CaseSnapshot(), InboxSnapshot(), KnowledgeSnapshot(), VisitSnapshot(), HandoverSnapshot()
)

# Field staff receive only their own cases and supervisors their team's: both may see full
# identity numbers. Everyone else receives them masked.
FULL_IDENTITY_ROLES = frozenset({Role.FIELD_STAFF, Role.SUPERVISOR})


def source_index(entity: str) -> int | None:
    for index, source in enumerate(SOURCES):
        if source.entity == entity:
            return index
    return None


def for_reader(user: UserRecord, changes: list[Change]) -> list[Change]:
    if user.role in FULL_IDENTITY_ROLES:
        return changes
    return [
        replace(change, data=masked_for_reader(change.entity, change.data))
        if change.data is not None
        else change
        for change in changes
    ]
