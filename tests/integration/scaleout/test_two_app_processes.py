"""Scale-out: two ``doorstep serve`` processes on one PostgreSQL database and one
``doorstep worker`` (distributed mode: procrastinate); devices sync through a faulty proxy
that round-robins between the two app processes. Same guarantees as the chaos test: exactly
once, every copy converges. Then a photo uploaded to one app process and a case submitted
through the other are read by the worker process."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import secrets
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tusclient import client as tus_client

from tests.chaos.device import LOGIN, PASSWORD, PUSH
from tests.chaos.proxy import FaultyProxy
from tests.chaos.scenario import check_devices, run_devices
from tests.support.server import REPO_ROOT, ServerProcess, doorstep_command, server_env
from tests.support.upload_files import FIXTURES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.skipif(
        os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres",
        reason="runs in the PostgreSQL pass (DOORSTEP_TEST_ENGINE=postgres)",
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


async def _read_by_the_worker(first: ServerProcess, second: ServerProcess) -> dict[str, object]:
    """Attaches an ID card photo through ``first``, uploads it and submits through
    ``second``; returns the case once the worker process has read the photo."""
    photo = (FIXTURES / "id_card" / "cc7c5fdafb.jpg").read_bytes()
    sha = hashlib.sha256(photo).hexdigest()
    case_id, document_id = str(uuid.uuid4()), str(uuid.uuid4())
    fields = {"name": "石英芳", "id_number": "520203197001175843", "withdrawal_reason": "06"}
    mutations = [
        {"id": 1, "name": "createCase",
         "args": {"id": case_id, "kind": "withdrawal", "fields": fields}},
        {"id": 2, "name": "attachDocument",
         "args": {"caseId": case_id, "documentId": document_id, "sha256": sha,
                  "docType": "id_card"}},
        {"id": 3, "name": "submitCase", "args": {"id": case_id}},
    ]
    async with httpx.AsyncClient(base_url=first.base_url, timeout=30) as one, \
            httpx.AsyncClient(base_url=second.base_url, timeout=30) as two:
        login = await one.post("/graphql", json={
            "query": LOGIN, "variables": {"u": "staff1", "p": PASSWORD}})
        headers = {"Authorization": f"Bearer {login.json()['data']['login']['token']}"}
        push = {"clientId": f"scaleout-{case_id}", "protocolVersion": 1}
        pushed = await one.post("/graphql", headers=headers, json={"query": PUSH, "variables": {
            "input": {**push, "mutations": mutations[:2]}}})
        assert "errors" not in pushed.json(), pushed.text
        uploader = tus_client.TusClient(f"{second.base_url}/uploads/", headers=headers).uploader(
            file_stream=io.BytesIO(photo), chunk_size=64 * 1024,
            metadata={"sha256": sha, "filename": "身份证.jpg", "contentType": "image/jpeg"},
        )
        await asyncio.to_thread(uploader.upload)
        pushed = await two.post("/graphql", headers=headers, json={"query": PUSH, "variables": {
            "input": {**push, "mutations": mutations[2:]}}})
        assert pushed.json()["data"]["push"]["results"][0]["status"] == "applied", pushed.text
        query = "query($id: ID!) { case(id: $id) { status fields documents { status fields } } }"
        for _ in range(240):
            answer = await one.post("/graphql", headers=headers, json={
                "query": query, "variables": {"id": case_id}})
            case: dict[str, object] = answer.json()["data"]["case"]
            if case["status"] == "needs_review":
                return case
            await asyncio.sleep(0.5)
    raise AssertionError(f"the worker did not read the photo in 120 s: {case}")


async def test_a_worker_process_reads_what_either_app_process_received(
    cluster: list[ServerProcess], tmp_path: Path
) -> None:
    case = await _read_by_the_worker(*cluster)
    documents = case["documents"]
    assert isinstance(documents, list)
    assert [d["status"] for d in documents] == ["processed"], (tmp_path / "worker.log").read_text()
    assert documents[0]["fields"]["id_number"] == "520203197001175843"
    assert isinstance(case["fields"], dict)
    assert case["fields"]["sex"] == "女"  # filled by the reading
    assert "procrastinate" in (tmp_path / "worker.log").read_text()
