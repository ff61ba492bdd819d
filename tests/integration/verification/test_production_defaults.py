"""A production installation gets the default policy from `doorstep migrate` alone."""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import pytest

from backend.verification.policy_keys import KEY_SPECS

# Production mode runs on PostgreSQL only, so this runs with the PostgreSQL suite.
pytestmark = pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres", reason="production needs PostgreSQL"
)


def _url(database: str) -> str:
    base = os.environ["DOORSTEP_TEST_PG"].rstrip("/")
    scheme, _, rest = base.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/{database}"


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(_url("postgres"))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _policy_rows(database: str) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(_url(database))
    try:
        return list(await connection.fetch("SELECT key, created_by FROM policy_value"))
    finally:
        await connection.close()


def _migrate(database: str, data_dir: Path) -> None:
    env = os.environ | {
        "DOORSTEP_MODE": "production",
        "DOORSTEP_DATABASE_URL": _url(database),
        "DOORSTEP_SECRET_KEY": secrets.token_hex(32),
        "DOORSTEP_DATA_DIR": str(data_dir),
    }
    doorstep = Path(sys.executable).parent / "doorstep"
    result = subprocess.run(
        [str(doorstep), "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


async def test_doorstep_migrate_in_production_writes_the_default_policy_once(
    tmp_path: Path,
) -> None:
    database = f"doorstep_prod_{secrets.token_hex(4)}"
    await _admin(f'CREATE DATABASE "{database}"')
    try:
        for _ in range(2):  # safe to run again: no duplicate rows
            await asyncio.to_thread(_migrate, database, tmp_path)
        rows = await _policy_rows(database)
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    assert sorted(row["key"] for row in rows) == sorted(KEY_SPECS)
    assert {row["created_by"] for row in rows} == {"system"}
