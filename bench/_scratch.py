"""What the server benchmarks (load, peak, public_flood) share: a scratch PostgreSQL database
with the demo seeded, a temporary data folder, and the processes they start there, all
gone when the run ends (also when it fails half-way)."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"
# `doorstep …` as this interpreter runs it (no console script needed in the venv).
DOORSTEP = [sys.executable, "-c", "from backend.cli import main; main()"]
STARTUP_SECONDS = 180


@dataclass
class Scratch:
    url: str  # of the scratch database
    folder: Path  # the data folder; app.log is written here
    env: dict[str, str]  # for every process of the run
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def log(self) -> Path:
        return self.folder / "app.log"

    def start(self, *command: str) -> subprocess.Popen[bytes]:
        """Starts a process of the run (stopped when it ends); its output goes to app.log."""
        with self.log.open("ab") as out:
            process = subprocess.Popen(list(command), cwd=REPO, env=self.env, stdout=out,
                                       stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process


@contextmanager
def scratch_run(pg: str, label: str, *, distributed_jobs: bool) -> Iterator[Scratch]:
    """A fresh database named after ``label`` on the server ``pg``, seeded with the demo;
    dropped afterwards, once every process started through :meth:`Scratch.start` ended."""
    name = f"doorstep_{label}_{secrets.token_hex(4)}"
    url = f"{pg.rstrip('/').rsplit('/', 1)[0]}/{name}"
    admin(pg, f'CREATE DATABASE "{name}"')
    try:
        with TemporaryDirectory(prefix=f"doorstep-{label}-") as folder:
            env = {**os.environ, "DOORSTEP_DATA_DIR": folder, "DOORSTEP_DATABASE_URL": url,
                   "DOORSTEP_MODE": "demo", "DOORSTEP_EMBEDDED_WORKERS": "0"}
            if distributed_jobs:
                env["DOORSTEP_JOBS"] = "distributed"
            subprocess.run([*DOORSTEP, "seed", "--demo"], cwd=REPO, env=env, check=True,
                           capture_output=True, timeout=300)
            scratch = Scratch(url=url, folder=Path(folder), env=env)
            try:
                yield scratch
            finally:
                _stop(scratch.processes)
    finally:
        admin(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def admin(pg: str, sql: str) -> None:
    """Runs one statement on the server's maintenance database (in a child process, so the
    benchmark's own event loop never holds a connection)."""
    script = ("import asyncio, sys, asyncpg\n"
              "async def main():\n"
              "    c = await asyncpg.connect(sys.argv[1])\n"
              "    await c.execute(sys.argv[2])\n"
              "    await c.close()\n"
              "asyncio.run(main())\n")
    subprocess.run([sys.executable, "-c", script, pg, sql], check=True, timeout=60)


def wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Returns once ``url`` answers at all; fails when the process exits first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text()[-2000:]}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)  # a server starting up; the deadline bounds it
    raise SystemExit("server did not start")
