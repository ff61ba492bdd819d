"""5 devices × 1,000 mutations through a proxy that drops ~10% of connections, with the
server (a ``doorstep serve`` subprocess on SQLite) restarted twice: every mutation is
applied exactly once and every device converges to the server's state."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chaos.proxy import FaultyProxy
from tests.chaos.scenario import check_devices, run_devices
from tests.support.server import ServerProcess, server_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

USERS = ["staff1", "staff2", "staff1", "supervisor1", "admin"]  # staff1 has two tablets
MUTATIONS = 1000
BATCH = 50


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    env = server_env(tmp_path, f"sqlite:///{tmp_path / 'chaos.sqlite3'}")
    process = ServerProcess(env, tmp_path / "server.log")
    process.start(demo=True)
    try:
        yield process
    finally:
        process.stop()


async def test_devices_converge_exactly_once_through_drops_and_restarts(
    server: ServerProcess,
) -> None:
    proxy = FaultyProxy([server.port], drop_rate=0.10)
    await proxy.start()
    total_pushes = len(USERS) * MUTATIONS // BATCH
    restarts: list[str] = []

    async def restart_at(pushes: int) -> None:
        # One hard kill (power cut) at a third of the run, one clean stop at two thirds.
        if pushes == total_pushes // 3:
            server.kill()
            restarts.append("SIGKILL")
        elif pushes == 2 * total_pushes // 3:
            server.stop()
            restarts.append("SIGTERM")
        else:
            return
        await asyncio.to_thread(server.start)

    started = time.monotonic()
    try:
        devices = await run_devices(
            f"http://127.0.0.1:{proxy.port}", USERS, MUTATIONS, BATCH, restart_at
        )
    finally:
        await proxy.stop()
    report = await check_devices(server.base_url, devices)
    elapsed = time.monotonic() - started
    counts = proxy.counts
    print(f"\nchaos: {report} restarts={restarts} proxy={counts} {elapsed:.0f}s")
    assert restarts == ["SIGKILL", "SIGTERM"]
    assert server.starts == 3
    assert report.mutations == 5000
    assert counts.dropped_before_answer > 0
    assert counts.dropped_before_forwarding > 0
    assert report.duplicates > 0  # some answers were lost after the commit, and retried
