"""Database helpers for tests: migrate once per run, empty every table between tests."""

from __future__ import annotations

from typing import Any

from piccolo.apps.migrations.tables import Migration
from piccolo.conf.apps import Finder
from piccolo.engine.postgres import PostgresEngine

from backend.db.lifecycle import current_engine, migrate


async def migrate_once() -> None:
    await migrate()


async def empty_all_tables() -> None:
    tables = [t for t in Finder().get_table_classes() if t is not Migration]
    names = [t._meta.tablename for t in tables]
    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        quoted = ", ".join(f'"{name}"' for name in names)
        await engine.run_ddl(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        return
    # SQLite: children before parents so foreign keys hold while deleting.
    for table in reversed(_parents_first(tables)):
        await table.delete(force=True)


def _parents_first(tables: list[type]) -> list[type]:
    from piccolo.table import sort_table_classes

    return list(sort_table_classes(tables))  # type: ignore[arg-type]


# --- procrastinate's tables (distributed mode, PostgreSQL) --------------------------------


async def empty_procrastinate_queue() -> None:
    engine: Any = current_engine()
    await engine.run_ddl(
        "TRUNCATE procrastinate_jobs, procrastinate_events, procrastinate_periodic_defers, "
        "procrastinate_workers RESTART IDENTITY CASCADE"
    )


async def procrastinate_jobs() -> list[tuple[str, str]]:
    """(task name, status) of every job procrastinate holds, in the order they were queued."""
    rows = await Migration.raw(
        "SELECT task_name, status::text AS status FROM procrastinate_jobs ORDER BY id"
    )
    return [(row["task_name"], row["status"]) for row in rows]
