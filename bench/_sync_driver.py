"""The database's own write rate, through the bare driver: the baseline of the push ratio.

The same rows createCase writes (the case, its history entry) plus the change-log row, one
INSERT each through aiosqlite or asyncpg, one transaction per batch of 100, with the
pragmas and locks the app uses (WAL, ``BEGIN IMMEDIATE`` on SQLite; the change-log
advisory lock on PostgreSQL). No ORM, no validation, no sync bookkeeping: what push could
reach if it did nothing but write.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

CASE_SQL = (
    "INSERT INTO case_file (id, kind, status, fields, field_meta, conflicts, version, creator,"
    " assignee, team, unit, created_at, updated_at) VALUES ({})"
)
HISTORY_SQL = (
    "INSERT INTO case_history (case_id, at, actor, actor_name, client_id, action, from_status,"
    " to_status, reason) VALUES ({})"
)
CHANGE_SQL = (
    "INSERT INTO sync_change (entity, entity_id, op, version, data, at, aud_user1, aud_user2,"
    " aud_team, aud_unit, aud_all, aud_public) VALUES ({})"
)


def _placeholders(sql: str, count: int, style: str) -> str:
    marks = ["?"] * count if style == "qmark" else [f"${n}" for n in range(1, count + 1)]
    return sql.format(", ".join(marks))


def _rows(
    user: Any, fields: Callable[[int], dict[str, str]], n: int
) -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]:
    """One mutation's rows (UUIDs and times go through Piccolo's sqlite3 adapters)."""
    case_id, now = uuid.uuid4(), datetime.now(UTC)
    values = fields(n)
    meta = {key: {"v": 1, "c": "bench", "u": user.username} for key in values}
    data = {"id": str(case_id), "kind": "withdrawal", "status": "draft", "fields": values,
            "version": 1, "creator": str(user.id), "assignee": str(user.id)}
    case = (case_id, "withdrawal", "draft", json.dumps(values, ensure_ascii=False),
            json.dumps(meta, ensure_ascii=False), "[]", 1, user.id, user.id, user.team_id, None,
            now, now)
    history = (case_id, now, user.id, user.username, "bench", "create", None, "draft", None)
    change = ("case", str(case_id), "put", 1, json.dumps(data, ensure_ascii=False), now, user.id,
              None, user.team_id, None, False, False)
    return case, history, change


async def sqlite_rate(
    path: str, user: Any, fields: Callable[[int], dict[str, str]], count: int, batch: int
) -> float:
    import aiosqlite
    import piccolo.engine.sqlite  # noqa: F401  (registers the sqlite3 adapters the app uses)

    sql = [_placeholders(s, n, "qmark") for s, n in ((CASE_SQL, 13), (HISTORY_SQL, 9),
                                                     (CHANGE_SQL, 12))]
    rows = [_rows(user, fields, n) for n in range(count)]
    async with aiosqlite.connect(path, isolation_level=None) as connection:
        await connection.execute("PRAGMA journal_mode=WAL")
        started = time.perf_counter()
        for start in range(0, count, batch):
            await connection.execute("BEGIN IMMEDIATE")
            for triple in rows[start : start + batch]:
                for statement, values in zip(sql, triple, strict=True):
                    await connection.execute(statement, values)
            await connection.execute("COMMIT")
        return count / (time.perf_counter() - started)


async def postgres_rate(
    dsn: str, user: Any, fields: Callable[[int], dict[str, str]], count: int, batch: int
) -> float:
    import asyncpg

    from sync.changelog.piccolo_storage import CHANGE_LOG_LOCK

    sql = [_placeholders(s, n, "numeric") for s, n in ((CASE_SQL, 13), (HISTORY_SQL, 9),
                                                       (CHANGE_SQL, 12))]
    rows = [_rows(user, fields, n) for n in range(count)]
    connection = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        for start in range(0, count, batch):
            async with connection.transaction():
                await connection.execute("SELECT pg_advisory_xact_lock($1)", CHANGE_LOG_LOCK)
                for triple in rows[start : start + batch]:
                    for statement, values in zip(sql, triple, strict=True):
                        await connection.execute(statement, *values)
        return count / (time.perf_counter() - started)
    finally:
        await connection.close()
