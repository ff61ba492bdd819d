"""The full-text search index, whose DDL differs per engine (FTS5 on SQLite, tsvector + GIN
on PostgreSQL); the statements live in backend.knowledge.search_queries."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from backend.knowledge.search_queries import create_search_index, drop_search_index

ID = "2026-11-27T00:08:30:000000"
VERSION = "1.38.0"
DESCRIPTION = "full-text search index (engine-specific raw SQL)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="knowledge", description=DESCRIPTION)
    manager.add_raw(create_search_index)
    manager.add_raw_backwards(drop_search_index)
    return manager
