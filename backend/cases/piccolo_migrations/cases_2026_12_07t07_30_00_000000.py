"""Indexes for paging a user's cases by id (a pull's full sync reads them 1,000 at a time):
each way of seeing a case (assignee, creator, team, unit) in id order, so a page reads a
page's worth of each index instead of every visible case again. The same statements on
SQLite and PostgreSQL, safe to repeat."""

from typing import Any

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-12-07T07:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "case_file (assignee|creator|team|unit, id) indexes for paging visible cases"

INDEXED_BY = ("assignee", "creator", "team", "unit")


def _engine() -> Any:
    engine = engine_finder()
    assert engine is not None
    return engine


async def create_paging_indexes() -> None:
    for column in INDEXED_BY:
        await _engine().run_ddl(
            f"CREATE INDEX IF NOT EXISTS case_file_{column}_id ON case_file ({column}, id)"
        )


async def drop_paging_indexes() -> None:
    for column in INDEXED_BY:
        await _engine().run_ddl(f"DROP INDEX IF EXISTS case_file_{column}_id")


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="cases", description=DESCRIPTION)
    manager.add_raw(create_paging_indexes)
    manager.add_raw_backwards(drop_paging_indexes)
    return manager
