"""PostgreSQL search index: a title vector beside the document, documents stored in the row
(search p95 on 5,000 articles; the statements live in backend.knowledge.search_queries and are
safe to repeat). Nothing changes on SQLite."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from backend.knowledge.search_queries import create_search_index

ID = "2026-11-27T09:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "title vector and in-row storage for the PostgreSQL search index"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="knowledge", description=DESCRIPTION)
    manager.add_raw(create_search_index)
    return manager
