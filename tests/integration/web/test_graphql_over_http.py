"""GraphQL over HTTP as the spec says: graphql-http's server audit (npm ``graphql-http``,
``serverAudits``, run by pwa/scripts/graphql-http-audit.mjs) against a ``doorstep serve``
subprocess passes with no warning and no notice; and the answers each kind of client gets."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient

from tests.support.server import REPO_ROOT, ServerProcess, server_env

AUDIT = REPO_ROOT / "pwa" / "scripts" / "graphql-http-audit.mjs"
GRAPHQL_RESPONSE = "application/graphql-response+json"
PWA_ACCEPT = f"{GRAPHQL_RESPONSE}, application/json"  # what the PWA and the sync client send
LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    data_dir: Path = tmp_path_factory.mktemp("graphql-http")
    process = ServerProcess(server_env(data_dir, f"sqlite:///{data_dir / 'db.sqlite3'}"),
                            data_dir / "server.log")
    process.start()
    try:
        yield process
    finally:
        process.stop()


@pytest.mark.slow
@pytest.mark.timeout(180)
@pytest.mark.engine_independent  # the HTTP layer, on its own SQLite server
def test_the_graphql_http_server_audit_passes_with_no_warning(server: ServerProcess) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (scripts/setup.sh node)"
    done = subprocess.run([node, str(AUDIT), f"{server.base_url}/graphql"], cwd=AUDIT.parent,
                          capture_output=True, text=True, timeout=150, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failed"] == []
    assert report["counts"]["ok"] >= 61
    assert report["counts"] | {"ok": 0} == {"ok": 0, "notice": 0, "warn": 0, "error": 0}


async def _post(client: AsyncTestClient[Any], query: str, accept: str | None,
                variables: dict[str, Any] | None = None) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    response: httpx.Response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    return response


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
async def test_json_clients_keep_200_with_data_null_and_the_coded_error(
    client: AsyncTestClient[Any], accept: str | None
) -> None:
    for query in ("{ me { id", "{ me { nope } }"):
        response = await _post(client, query, accept)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_REQUEST"]


async def test_request_errors_answer_400_without_data_for_graphql_response_clients(
    client: AsyncTestClient[Any],
) -> None:
    for query, variables in (("{ me { id", None), ("{ me { nope } }", None),
                             (LOGIN, {"u": 1, "p": None})):
        response = await _post(client, query, PWA_ACCEPT, variables)
        assert response.status_code == 400, response.text
        assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
        body = response.json()
        assert "data" not in body
        assert {e["extensions"]["code"] for e in body["errors"]} == {"BAD_REQUEST"}


async def test_errors_met_while_executing_answer_200_with_data(
    client: AsyncTestClient[Any],
) -> None:
    response = await _post(client, "{ me { id } }", PWA_ACCEPT)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


async def test_queries_come_by_get_and_mutations_never(client: AsyncTestClient[Any]) -> None:
    query = await client.get("/graphql", params={"query": "{ __typename }"},
                             headers={"Accept": PWA_ACCEPT})
    assert query.status_code == 200
    assert query.json() == {"data": {"__typename": "Query"}}
    assert query.headers["cache-control"] == "no-store"
    mutation = await client.get(
        "/graphql",
        params={"query": LOGIN, "variables": json.dumps({"u": "admin", "p": "doorstep-demo"})},
    )
    assert mutation.status_code == 405
    assert mutation.headers["allow"] == "POST"
    assert "token" not in mutation.text


async def test_a_large_answer_is_gzipped_for_a_client_that_accepts_it(
    client: AsyncTestClient[Any],
) -> None:
    # Level 6 (backend/app.py: GZIP_LEVEL): a full sync's pages in half the CPU of level 9.
    query = {"query": "{ __schema { types { name fields { name } } } }"}
    response = await client.post("/graphql", json=query, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["data"]["__schema"]["types"]) > 50  # httpx decoded it
