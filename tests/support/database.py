"""Database helpers for tests: migrate once per run, empty every table between tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Sequence
from typing import Any

import asyncpg
from piccolo.apps.migrations.tables import Migration
from piccolo.columns import Serial
from piccolo.conf.apps import Finder
from piccolo.engine.postgres import PostgresEngine, PostgresTransaction

from backend.db.lifecycle import current_engine, migrate


async def migrate_once() -> None:
    pool_per_event_loop()
    await migrate()


# --- one connection pool per event loop (PostgreSQL) --------------------------------------
#
# The run has no shared pool (DOORSTEP_DB_POOL_MAX_SIZE=0): the test client runs the app on
# an event loop of its own beside the test's, and an asyncpg connection must never serve
# another loop than the one that opened it. Piccolo then opens a connection for every
# query, and the server's start-up of each connection cost as much CPU as the tests
# themselves. Instead each loop gets a small pool of its own, closed as the loop shuts down
# (the loop closes its async generators then): connections are reused within a loop and
# never cross to another. The pool resets a connection's session state on release.

LOOP_POOL_SIZE = 8
_SHARED_POOL = PostgresEngine.pool  # the slot where start_connection_pool keeps its pool
_pools: dict[asyncio.AbstractEventLoop, tuple[asyncpg.Pool, AsyncGenerator[None]]] = {}


class _PoolPerLoopEngine(PostgresEngine):
    __slots__ = ()

    @property  # type: ignore[override]
    def pool(self) -> asyncpg.Pool | None:
        shared: asyncpg.Pool | None = _SHARED_POOL.__get__(self)
        if shared is not None:
            return shared
        try:
            entry = _pools.get(asyncio.get_running_loop())
        except RuntimeError:  # no loop running: nothing to reuse
            return None
        return entry[0] if entry else None

    @pool.setter
    def pool(self, value: asyncpg.Pool | None) -> None:
        if value is None and _SHARED_POOL.__get__(self) is None:
            # close_connection_pool closed this loop's pool: the next query makes another.
            with contextlib.suppress(RuntimeError):  # no loop running: none to drop
                _pools.pop(asyncio.get_running_loop(), None)
        _SHARED_POOL.__set__(self, value)

    async def loop_pool(self) -> asyncpg.Pool:
        loop = asyncio.get_running_loop()
        entry = _pools.get(loop)
        if entry is None:
            # With no connection opened up front, initialising takes no await: two queries
            # starting at once on this loop cannot both make a pool.
            pool = await asyncpg.create_pool(**self.config, min_size=0, max_size=LOOP_POOL_SIZE)
            closer = _closed_with_the_loop(loop, pool)
            await closer.asend(None)  # started: the loop closes it as it shuts down
            entry = _pools[loop] = (pool, closer)
        return entry[0]

    async def _run_in_new_connection(self, query: str, args: Sequence[Any] | None = None) -> Any:
        pool = await self.loop_pool()
        async with pool.acquire() as connection:
            return await connection.fetch(query, *(args or []))

    def transaction(self, allow_nested: bool = True) -> PostgresTransaction:
        return _LoopPoolTransaction(engine=self, allow_nested=allow_nested)


class _LoopPoolTransaction(PostgresTransaction):
    __slots__ = ()

    async def get_connection(self) -> Any:
        engine: _PoolPerLoopEngine = self.engine  # type: ignore[assignment]
        return await (await engine.loop_pool()).acquire()


async def _closed_with_the_loop(
    loop: asyncio.AbstractEventLoop, pool: asyncpg.Pool
) -> AsyncGenerator[None]:
    try:
        yield
    finally:
        _pools.pop(loop, None)
        await pool.close()


def pool_per_event_loop() -> None:
    """Makes the run's PostgreSQL engine keep one pool per event loop (see above)."""
    engine = current_engine()
    if isinstance(engine, PostgresEngine) and not isinstance(engine, _PoolPerLoopEngine):
        engine.__class__ = _PoolPerLoopEngine


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
