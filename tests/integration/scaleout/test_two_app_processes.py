"""Scale-out: two ``doorstep serve`` processes on one PostgreSQL database and one
``doorstep worker``; devices sync through a faulty proxy that round-robins between the two
app processes. Same guarantees as the chaos test: exactly once, every copy converges."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chaos.proxy import FaultyProxy
from tests.chaos.scenario import check_devices, run_devices
from tests.support.server import REPO_ROOT, ServerProcess, doorstep_command, server_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.skipif(
        not os.environ.get("DOORSTEP_TEST_PG"), reason="needs PostgreSQL (DOORSTEP_TEST_PG)"
    ),
]

USERS = ["staff1", "staff2", "supervisor1"]
MUTATIONS = 300
BATCH = 50

_ADMIN = """
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


def _admin(sql: str) -> None:
    # Its own interpreter: the test itself runs inside an event loop.
    subprocess.run([sys.executable, "-c", _ADMIN, os.environ["DOORSTEP_TEST_PG"], sql],
                   check=True, timeout=60)


@pytest.fixture
def database_url() -> Iterator[str]:
    name = f"doorstep_scaleout_{secrets.token_hex(4)}"
    _admin(f'CREATE DATABASE "{name}"')
    base = os.environ["DOORSTEP_TEST_PG"].rstrip("/").rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def cluster(tmp_path: Path, database_url: str) -> Iterator[list[ServerProcess]]:
    env = server_env(tmp_path, database_url, DOORSTEP_JOBS="distributed")
    subprocess.run(doorstep_command("seed", "--demo"), cwd=REPO_ROOT, env=env, check=True,
                   timeout=180, capture_output=True)
    apps = [ServerProcess(env, tmp_path / f"app{n}.log") for n in (1, 2)]
    with (tmp_path / "worker.log").open("ab") as log:
        worker = subprocess.Popen(doorstep_command("worker"), cwd=REPO_ROOT, env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
    try:
        for app in apps:
            app.start()
        yield apps
    finally:
        for app in apps:
            app.stop()
        worker.terminate()
        worker.wait(timeout=30)


async def test_two_app_processes_and_a_worker_keep_the_guarantees(
    cluster: list[ServerProcess],
) -> None:
    proxy = FaultyProxy([app.port for app in cluster], drop_rate=0.10, seed=11)
    await proxy.start()
    try:
        devices = await run_devices(f"http://127.0.0.1:{proxy.port}", USERS, MUTATIONS, BATCH)
    finally:
        await proxy.stop()
    for app in cluster:  # each process's view agrees with the devices
        report = await check_devices(app.base_url, devices)
    print(f"\nscale-out: {report} proxy={proxy.counts}")
    assert report.mutations == 900
    assert proxy.counts.dropped_before_answer > 0
    assert all(app.process is not None and app.process.poll() is None for app in cluster)
