"""The cases' part of a full sync: visible cases by id, with their documents."""

from __future__ import annotations

from uuid import UUID

from backend.cases import queries
from backend.cases.changes import CASE_ENTITY, DOCUMENT_ENTITY, case_data_of_row, document_data
from backend.cases.events import device_readings
from sync.changelog.audience import Scope
from sync.changelog.snapshot import Change, SnapshotPage


class CaseSnapshot:
    entity = CASE_ENTITY

    async def page(self, scope: Scope, after: str, limit: int) -> SnapshotPage:
        cases, documents, next_after = await queries.snapshot_cases(
            scope, UUID(after) if after else None, limit
        )
        readings = await device_readings([d.id for d in documents])
        changes = [
            Change(CASE_ENTITY, row["id"], "put", row["version"], case_data_of_row(row))
            for row in cases
        ]
        changes += [
            Change(DOCUMENT_ENTITY, str(d.id), "put", d.version,
                   document_data(d, readings.get(d.id)))
            for d in documents
        ]
        return SnapshotPage(changes, next_after)
