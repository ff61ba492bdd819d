"""Database helpers for tests: migrate once per run, empty every table between tests."""

from __future__ import annotations

from typing import Any

import asyncpg
from piccolo.apps.migrations.tables import Migration
from piccolo.columns import Serial
from piccolo.conf.apps import Finder
from piccolo.engine.postgres import PostgresEngine

from backend.db.lifecycle import current_engine, migrate


async def migrate_once() -> None:
    await migrate()


async def empty_all_tables() -> None:
    """Every table emptied in one script on one connection (a few ms; a TRUNCATE of every
    table took seconds per test on PostgreSQL). Foreign keys are not checked meanwhile,
    since everything goes; serial ids start again at 1, as in a new database."""
    tables = [t for t in Finder().get_table_classes() if t is not Migration]
    deletes = " ".join(f'DELETE FROM "{t._meta.tablename}";' for t in tables)  # noqa: S608 (our names)
    engine = current_engine()
    if isinstance(engine, PostgresEngine):
        restarts = " ".join(
            f"SELECT setval(pg_get_serial_sequence('\"{t._meta.tablename}\"', "
            f"'{t._meta.primary_key._meta.db_column_name}'), 1, false);"
            for t in tables
            if isinstance(t._meta.primary_key, Serial)
        )
        connection = await engine.get_new_connection()
        # Tables of our own DDL (the knowledge index): without foreign key triggers nothing
        # cascades to them. procrastinate's queue is emptied by its own fixture.
        others = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> 'migration' AND tablename NOT LIKE 'procrastinate%'"
        )
        known = {t._meta.tablename for t in tables}
        deletes += "".join(
            f' DELETE FROM "{row["tablename"]}";'  # noqa: S608 (names from the catalogue)
            for row in others
            if row["tablename"] not in known
        )
        try:
            await connection.execute(
                f"SET session_replication_role = replica; {deletes} {restarts} "
                "SET session_replication_role = DEFAULT;"
            )
        except asyncpg.InsufficientPrivilegeError:  # not a superuser: the slow, sure way
            names = ", ".join(f'"{t._meta.tablename}"' for t in tables)
            await connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        finally:
            await connection.close()
        return
    connection = await engine.get_connection()
    try:
        await connection.executescript(f"PRAGMA foreign_keys = OFF; BEGIN; {deletes} COMMIT;")
    finally:
        await connection.close()


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
