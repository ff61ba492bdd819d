"""Build the Piccolo engine from the database URL (SQLite by default, PostgreSQL in production)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine

# Seconds a SQLite writer waits for the lock before failing (workers and app share the file).
SQLITE_BUSY_TIMEOUT = 30


def sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def make_engine(url: str) -> Engine:  # type: ignore[type-arg]
    if url.startswith("sqlite:///"):
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        enable_wal(path)
        return SQLiteEngine(path=str(path), timeout=SQLITE_BUSY_TIMEOUT)
    return PostgresEngine(config={"dsn": url.replace("postgres://", "postgresql://", 1)})


def enable_wal(path: Path) -> None:
    """WAL lets readers go on while one writer commits; the mode is stored in the file."""
    connection = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()
