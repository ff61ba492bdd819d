"""``doorstep serve --demo`` starts the registry simulator beside the app, the demo cases
show every registry flag once the embedded worker has run the checks, and the simulator
stops with the app."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.integration.registry.conftest import case_id
from tests.support.server import ServerProcess, server_env

pytestmark = pytest.mark.engine_independent  # its own SQLite or none: once is enough

FLAGS = "query($id: ID!) { case(id: $id) { flags { code } } }"
EXPECTED = {
    301: {"REGISTRY_PROPERTY_FOUND"},
    302: {"REGISTRY_MARITAL_MISMATCH"},
    303: {"REGISTRY_FILING_MISMATCH", "CREDIT_LOAN_UNDECLARED"},
    304: {"REGISTRY_UNAVAILABLE"},
}


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def test_the_demo_runs_the_simulator_and_shows_every_registry_flag(tmp_path: Path) -> None:
    env = server_env(tmp_path, f"sqlite:///{tmp_path / 'demo.sqlite3'}",
                     DOORSTEP_DEMO_REGISTRY="true", DOORSTEP_EMBEDDED_WORKERS="1",
                     DOORSTEP_REGISTRY_URL="")
    server = ServerProcess(env, tmp_path / "serve.log")
    server.start(demo=True)
    try:
        assert server.process is not None
        sims = children(server.process.pid)
        assert sims, "no simulator process beside the app"
        login = httpx.post(f"{server.base_url}/graphql", json={
            "query": 'mutation { login(username: "staff1", password: "doorstep-demo") '
                     "{ token } }"}, timeout=30).json()
        headers = {"Authorization": f"Bearer {login['data']['login']['token']}"}
        deadline = time.monotonic() + 120
        seen: dict[int, set[str]] = {}
        while time.monotonic() < deadline:
            for number in EXPECTED:
                body = httpx.post(f"{server.base_url}/graphql", headers=headers, timeout=30,
                                  json={"query": FLAGS, "variables": {"id": str(case_id(number))}})
                seen[number] = {f["code"] for f in body.json()["data"]["case"]["flags"]}
            if all(EXPECTED[n] <= seen[n] for n in EXPECTED) and "REGISTRY_UNAVAILABLE" not in (
                seen[301] | seen[302] | seen[303]
            ):
                break
            time.sleep(0.5)
        for number, codes in EXPECTED.items():
            assert codes <= seen[number], (number, seen, server.log.read_text()[-2000:])
    finally:
        server.stop()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in sims):
        time.sleep(0.2)
    assert not any(alive(pid) for pid in sims), "the simulator outlived the app"
