"""Fuzzing ``/graphql`` with schemathesis (GraphQL mode) against a ``doorstep serve``
subprocess: ≥ 1,000 generated operations, signed out and signed in, and no 5xx, no
INTERNAL_ERROR, no unhandled exception in the server's log."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from tests.support.server import ServerProcess, server_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

CASES_PER_OPERATION_AND_CALLER = 5  # 94 operations x 3 callers: about 1,400 cases
EXPECTED_ERRORS = {"backend.errors.DoorstepError", "graphql.error.graphql_error.GraphQLError"}
LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"

_json_leaf = st.one_of(
    st.text(max_size=20).map(nodes.String), st.integers(-(2**31), 2**31).map(nodes.Int)
)
schemathesis.graphql.scalar("JSON", _json_leaf)
schemathesis.graphql.scalar(
    "Date", st.one_of(st.dates().map(str), st.text(max_size=12)).map(nodes.String)
)
schemathesis.graphql.scalar(
    "DateTime", st.one_of(st.datetimes().map(str), st.text(max_size=12)).map(nodes.String)
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")
    env = server_env(data_dir, f"sqlite:///{data_dir / 'fuzz.sqlite3'}")
    process = ServerProcess(env, data_dir / "server.log")
    process.start(demo=True)
    try:
        yield process
    finally:
        process.stop()


def _token(server: ServerProcess, username: str) -> str:
    body = httpx.post(f"{server.base_url}/graphql", timeout=60,
                      json={"query": LOGIN, "variables": {"u": username, "p": "doorstep-demo"}})
    token: str = body.json()["data"]["login"]["token"]
    return token


def test_generated_operations_never_break_the_server(server: ServerProcess) -> None:
    schema = schemathesis.graphql.from_url(f"{server.base_url}/graphql")
    callers: dict[str, dict[str, str]] = {
        "anonymous": {},
        "admin": {"Authorization": f"Bearer {_token(server, 'admin')}"},
        "staff1": {"Authorization": f"Bearer {_token(server, 'staff1')}"},
    }
    # logout would end the callers' sessions half-way: it is covered by the access matrix.
    operations = [
        result.ok() for result in schema.get_all_operations()
        if not result.ok().label.endswith(".logout")
    ]
    sent: Counter[str] = Counter()
    failures: list[tuple[str, int, Any]] = []

    def fuzz(operation: Any, caller: str, headers: dict[str, str]) -> None:
        @settings(max_examples=CASES_PER_OPERATION_AND_CALLER, deadline=None,
                  database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def call(case: Any) -> None:
            response = case.call(headers=headers, timeout=30)
            sent[caller] += 1
            try:
                body = response.json()
            except ValueError:  # not JSON: only a failure if it is also a 5xx
                body = None
            codes = [
                (e.get("extensions") or {}).get("code")
                for e in ((body or {}).get("errors") or [])
            ]
            if response.status_code >= 500 or "INTERNAL_ERROR" in codes:
                failures.append((operation.label, response.status_code, body))

        call()

    for operation in operations:
        for caller, headers in callers.items():
            fuzz(operation, caller, headers)

    total = sum(sent.values())
    log = server.log.read_text(errors="replace")
    print(f"\nfuzz: {total} cases over {len(operations)} operations {dict(sent)}")
    assert failures == [], failures[:5]
    assert total >= 1000
    assert "unhandled error" not in log
    # strawberry logs every GraphQL error with its stack; only expected ones may appear.
    raised = set(re.findall(r"^([A-Za-z_][\w.]*(?:Error|Exception))\b", log, re.MULTILINE))
    assert raised <= EXPECTED_ERRORS, raised - EXPECTED_ERRORS
