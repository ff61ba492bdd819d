"""A real Doorstep server in a subprocess (``doorstep serve --demo``) with its own data
directory and database, so uploads can be cut, the server killed and started again."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import httpx

from tests.support.server import ServerProcess, server_env

LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"


def server_database_url(data_dir: Path) -> str:
    """SQLite in the server's directory, or a fresh PostgreSQL database on the PG runs."""
    if os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres":
        return f"sqlite:///{data_dir / 'server.sqlite3'}"
    name = f"doorstep_upload_server_{secrets.token_hex(4)}"
    _postgres_admin(f'CREATE DATABASE "{name}"')
    base = os.environ["DOORSTEP_TEST_PG"].rstrip("/")
    return f"{base.rsplit('/', 1)[0]}/{name}"


def drop_server_database(url: str) -> None:
    if url.startswith("postgresql://"):
        name = url.rsplit("/", 1)[1]
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_admin(sql: str) -> None:
    subprocess.run(
        [sys.executable, "-c", _ADMIN_SCRIPT, os.environ["DOORSTEP_TEST_PG"], sql],
        check=True,
        timeout=60,
    )


# Runs in its own interpreter: the tests calling it may be inside an event loop.
_ADMIN_SCRIPT = """
import asyncio, sys
import asyncpg
async def main():
    connection = await asyncpg.connect(sys.argv[1])
    try:
        await connection.execute(sys.argv[2])
    finally:
        await connection.close()
asyncio.run(main())
"""


class DoorstepServer(ServerProcess):
    """A demo server with its own data directory and database, restartable on the same port."""

    def __init__(self, data_dir: Path, database_url: str) -> None:
        super().__init__(server_env(data_dir, database_url), data_dir / "server.log")
        self.data_dir = data_dir
        self.database_url = database_url

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    def start(self, demo: bool = True) -> None:
        super().start(demo=demo)

    def login(self, username: str = "staff1") -> str:
        response = httpx.post(
            f"{self.base_url}/graphql",
            json={"query": LOGIN, "variables": {"u": username, "p": "doorstep-demo"}},
            timeout=60,
        )
        token: str = response.json()["data"]["login"]["token"]
        return token

    def blob(self, sha256: str) -> Path:
        return self.uploads_dir / "blobs" / sha256[:2] / sha256[2:4] / sha256
