"""Inserts on the hot write paths (push), one driver call per statement.

Inside a transaction, a Piccolo query on SQLite costs four trips to aiosqlite's thread (a
``PRAGMA``, the statement, the fetch and closing the cursor) and rebuilds its SQL each
time; push writes two rows per mutation, so that is most of its time. These inserts build
the SQL once per table and column set and run it with one driver call on the
transaction's own connection. Values are the column values Piccolo would store (JSON as
text); UUIDs and times go through the same sqlite3 adapters Piccolo registers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from piccolo.columns import Column
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table

from backend.db.lifecycle import current_engine

MAX_PARAMETERS = 30000  # below SQLite's 32766 and asyncpg's 32767 per statement


@lru_cache(maxsize=64)
def _insert_sql(
    table: type[Table], columns: tuple[str, ...], rows: int, skip_existing: bool, numbered: bool
) -> str:
    known = {column._meta.db_column_name for column in table._meta.columns}
    if unknown := set(columns) - known:  # names come from code, never from input; check anyway
        raise ValueError(f"{table._meta.tablename} has no column(s) {sorted(unknown)}")
    names = ", ".join(f'"{name}"' for name in columns)
    width = len(columns)
    if numbered:  # asyncpg: $1, $2, …
        groups = (
            "(" + ", ".join(f"${r * width + c + 1}" for c in range(width)) + ")"
            for r in range(rows)
        )
    else:
        groups = ("(" + ", ".join("?" * width) + ")" for _ in range(rows))
    # Only checked column names and placeholders go into the text; values are parameters.
    sql = f'INSERT INTO "{table._meta.tablename}" ({names}) VALUES {", ".join(groups)}'  # noqa: S608
    if skip_existing:
        sql += " ON CONFLICT DO NOTHING"
    primary_key = table._meta.primary_key._meta.db_column_name
    return f'{sql} RETURNING "{primary_key}"'


async def insert_rows(
    table: type[Table], rows: Sequence[Mapping[str, Any]], *, skip_existing: bool = False
) -> int:
    """Inserts ``rows`` (same keys each) and returns how many were written.

    ``skip_existing``: a row whose key exists is left alone (not an error, not counted).
    Outside a transaction this opens one, so the call is atomic either way.
    """
    if not rows:
        return 0
    columns = tuple(rows[0])
    per_statement = MAX_PARAMETERS // len(columns)
    if len(rows) > per_statement:
        written = 0
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            written += await insert_rows(table, chunk, skip_existing=skip_existing)
        return written
    values = [row[name] for row in rows for name in columns]
    engine = current_engine()
    transaction = engine.current_transaction.get()  # type: ignore[attr-defined]
    if transaction is None:
        async with engine.transaction():  # type: ignore[attr-defined]
            return await insert_rows(table, rows, skip_existing=skip_existing)
    if isinstance(engine, SQLiteEngine):
        sql = _insert_sql(table, columns, len(rows), skip_existing, numbered=False)
        return len(await transaction.connection.execute_fetchall(sql, values))
    assert isinstance(engine, PostgresEngine)
    sql = _insert_sql(table, columns, len(rows), skip_existing, numbered=True)
    return len(await transaction.connection.fetch(sql, *values))


async def upsert(table: type[Table], key: Any, values: Mapping[Column, Any]) -> None:
    """Writes the row whose primary key is ``key``: inserted, or its ``values`` replaced.

    One statement (``INSERT … ON CONFLICT DO UPDATE``), so two writers of the same row never
    both insert it."""
    row = table(**{table._meta.primary_key._meta.name: key})
    for column, value in values.items():
        setattr(row, column._meta.name, value)
    await table.insert(row).on_conflict(
        target=table._meta.primary_key, action="DO UPDATE", values=list(values)
    )
