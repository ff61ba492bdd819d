"""The registry simulator as a real separate process (``doorstep registry-sim`` on a free
port), shared by the tests of this folder and reset before each; the app reaches it through
``DOORSTEP_REGISTRY_URL`` with short timeouts, retries and breaker cooldown."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from backend.demo.registry_cases import seed_registry_demo_cases
from backend.demo.seed import demo_user_id
from backend.jobs.worker import drain
from backend.registry import queries
from backend.settings import get_settings
from tests.support.server import REPO_ROOT, doorstep_command, free_port

DEMO_DATA = REPO_ROOT / "backend" / "demo" / "registry_data.json"


class Simulator:
    def __init__(self, port: int, process: subprocess.Popen[bytes], log: Path) -> None:
        self.base_url = f"http://127.0.0.1:{port}"
        self.process = process
        self.log = log

    def configure(self, **change: Any) -> dict[str, Any]:
        response = httpx.post(f"{self.base_url}/_sim/config", json=change, timeout=5)
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        return body

    def calls(self, source: str) -> int:
        counted: int = self.configure().get("calls", {}).get(source, 0)
        return counted


@pytest.fixture(scope="session")
def simulator_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    port = free_port()
    log = tmp_path_factory.mktemp("registry-sim") / "sim.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            doorstep_command("registry-sim", "--port", str(port), "--data", str(DEMO_DATA)),
            cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
    simulator = Simulator(port, process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if httpx.get(f"{simulator.base_url}/v1/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        raise RuntimeError(f"registry-sim did not start: {log.read_text()}")
    yield simulator
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def simulator(
    simulator_process: Simulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Simulator]:
    """A healthy simulator (reset) that the app is configured to use."""
    simulator_process.configure(reset=True)
    monkeypatch.setenv("DOORSTEP_REGISTRY_URL", simulator_process.base_url)
    monkeypatch.setenv("DOORSTEP_REGISTRY_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("DOORSTEP_REGISTRY_RETRY_SECONDS", "0.2")
    monkeypatch.setenv("DOORSTEP_REGISTRY_BREAKER_COOLDOWN_SECONDS", "1.5")
    get_settings.cache_clear()
    yield simulator_process
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
async def registry_cases(demo: None, simulator: Simulator) -> None:
    """The demo users and the shared-data demo cases, submitted (checks queued)."""
    await seed_registry_demo_cases(get_settings(), demo_user_id("staff1"))


async def settle(until_done: bool = True, within_seconds: float = 20.0) -> None:
    """Runs jobs until no registry query is pending (or only once if not ``until_done``)."""
    deadline = time.monotonic() + within_seconds
    while True:
        await drain()
        pending = await queries.pending_due(datetime_far_future())
        if not until_done or not pending:
            await drain()
            return
        assert time.monotonic() < deadline, [(q.source, q.last_error) for q in pending]
        await asyncio.sleep(0.1)


def datetime_far_future() -> Any:
    from datetime import UTC, datetime

    return datetime(9999, 1, 1, tzinfo=UTC)


def case_id(number: int) -> UUID:
    return UUID(f"00000000-0000-4000-8000-000000000{number}")
