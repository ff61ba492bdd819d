"""The server dies between committing a push and answering it: the retry is a duplicate.

A real ``doorstep serve`` process on the run's database, with the test-only fault
DOORSTEP_TEST_CRASH_AFTER_PUSH_COMMIT (honoured in demo mode only), then restarted.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from backend.demo.seed import DEMO_PASSWORD
from sync.crash_hook import CRASH_EXIT_CODE
from tests.conftest import REPO_ROOT
from tests.integration.sync.device import PULL, PUSH

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _server(crash_after_push: bool) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    env = {**os.environ, "DOORSTEP_MODE": "demo", "DOORSTEP_EMBEDDED_WORKERS": "0"}
    env.pop("DOORSTEP_TEST_CRASH_AFTER_PUSH_COMMIT", None)
    if crash_after_push:
        env["DOORSTEP_TEST_CRASH_AFTER_PUSH_COMMIT"] = "1"
    process = subprocess.Popen(
        [str(REPO_ROOT / ".venv/bin/doorstep"), "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                assert process.poll() is None, "server exited while starting"
                time.sleep(0.3)
        else:
            raise AssertionError("server did not start")
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def _graphql(base: str, query: str, variables: dict[str, Any], token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    return response.json()


def _login(base: str) -> str:
    body = _graphql(
        base,
        'mutation($p: String!) { login(username: "staff1", password: $p) { token } }',
        {"p": DEMO_PASSWORD},
        None,
    )
    token: str = body["data"]["login"]["token"]
    return token


def test_the_server_killed_after_commit_makes_the_retry_a_duplicate() -> None:
    client_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())
    push = {
        "input": {
            "clientId": client_id,
            "protocolVersion": 1,
            "mutations": [
                {
                    "id": 1,
                    "name": "createCase",
                    "args": {"id": case_id, "kind": "withdrawal", "fields": {"name": "张伟"}},
                },
                {
                    "id": 2,
                    "name": "updateCase",
                    "args": {"id": case_id, "fields": {"phone": "13812345678"}},
                },
            ],
        }
    }
    with _server(crash_after_push=True) as (base, process):
        token = _login(base)
        with pytest.raises(httpx.TransportError):  # the answer never comes
            _graphql(base, PUSH, push, token)
        assert process.wait(timeout=20) == CRASH_EXIT_CODE
    with _server(crash_after_push=False) as (base, _):
        token = _login(base)
        retry = _graphql(base, PUSH, push, token)["data"]["push"]
        assert retry["lastMutationId"] == 2
        assert [r["status"] for r in retry["results"]] == ["duplicate", "duplicate"]
        page = _graphql(base, PULL, {"clientId": client_id, "cursor": None}, token)["data"]["pull"]
        [case] = [c for c in page["changes"] if c["id"] == case_id]
        assert case["version"] == 2  # created once, updated once
        assert case["data"]["fields"] == {"name": "张伟", "phone": "13812345678"}
        assert page["lastMutationId"] == 2
