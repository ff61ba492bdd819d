"""A real Doorstep server in a subprocess (``doorstep serve --demo``) with its own data
directory and database, so uploads can be cut, the server killed and started again."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[3]

LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
START_TIMEOUT_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


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


class DoorstepServer:
    def __init__(self, data_dir: Path, database_url: str) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    def start(self) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "DOORSTEP_DATA_DIR": str(self.data_dir),
            "DOORSTEP_DATABASE_URL": self.database_url,
            "DOORSTEP_MODE": "demo",
            "DOORSTEP_EMBEDDED_WORKERS": "0",
        }
        # The `doorstep` console script's entry point, run from this checkout.
        command = [sys.executable, "-c", "from backend.cli import main; main()"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [*command, "serve", "--port", str(self.port), "--demo"],
                cwd=REPO_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_healthy()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"server did not start: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """Stops the server the hard way (no shutdown hooks), like a crash or power loss."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

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
