"""Load benchmark (``just bench load``): what the GraphQL layer costs under 50 clients.

Against ``doorstep serve --workers 2`` on a fresh PostgreSQL database (dropped afterwards)
and, in the same run, a bare Litestar app served the same way (bench/_bare_app.py: the same
sign-in, access checks and domain service calls, the same JSON, no GraphQL). Three
scenarios, each measured on both, the bare handler first (so the sync scenario's baseline
never pulls fewer changes than ours):

- the review page's case list: the PWA's ``Cases`` query, ``first: 50``, 50 concurrent
  clients (goal: p95 ≤ 2× the bare handler's);
- one case in full: the PWA's ``Case`` query (documents, flags, history), 50 clients
  (goal: p95 ≤ 3×);
- 50 devices syncing: push a batch of 5, then pull to the end, in a loop (goal: p95 ≤ 3×).

Before measuring, the answers of both to the list and the case are checked to be equal.
Prints p50/p95/p99 of each side, the ratio at p95, its goal and whether it is met.

    .venv/bin/python bench/load.py [--seconds 15] [--clients 50] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench._scratch import (
    DEFAULT_PG,
    DOORSTEP,
    REPO,
    free_port,
    scratch_run,
    wait_until_answering,
)

LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
PUSH = "mutation($input: PushInput!) { push(input: $input) { lastMutationId } }"
PULL = """query($c: ID!, $cursor: String) {
  pull(clientId: $c, cursor: $cursor) { cursor changes { id } } }"""
# The PWA's operations (pwa/src/features/review/review-api.ts), as it sends them.
CASES = """query Cases($status: String, $risk: String, $staffId: ID, $submittedFrom: Date,
  $submittedTo: Date, $first: Int, $after: String) {
  cases(status: $status, risk: $risk, staffId: $staffId, submittedFrom: $submittedFrom,
    submittedTo: $submittedTo, first: $first, after: $after) {
    edges { node { id kind status version fields assignee { displayName } risk } }
    pageInfo { endCursor hasNextPage }
  }
}"""
CASE = """query Case($id: ID!) { case(id: $id) { id kind status version fields
  assignee { displayName }
  documents { id docType status sha256 fields checks { code severity field message } }
  flags { code severity field message evidence }
  history { at actor action fromStatus toStatus reason } } }"""
BATCH = 5
WARM_UP_CALLS = 20
HEADERS = {"Accept": "application/graphql-response+json, application/json"}

Post = Callable[[str, dict[str, Any]], Awaitable[httpx.Response]]


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""

    def failed(self, what: str) -> None:
        self.errors += 1
        self.first_error = self.first_error or what[:300]

    def at(self, share: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0

    def text(self) -> str:
        if not self.seconds:
            return f"no successful calls, errors {self.errors}"
        first = f" (first: {self.first_error})" if self.first_error else ""
        return (f"{self.at(0.5) * 1000:6.1f} /{self.at(0.95) * 1000:6.1f} /"
                f"{self.at(0.99) * 1000:6.1f} ms n={len(self.seconds):>5} err={self.errors}{first}")


async def _timed(timings: Timings | None, call: Awaitable[httpx.Response]) -> Any:
    started = time.perf_counter()
    try:
        response = await call
    except httpx.HTTPError as error:
        if timings is not None:
            timings.failed(repr(error))
        return None
    elapsed = time.perf_counter() - started
    body = response.json() if response.status_code == 200 else None
    if body is None or body.get("errors"):
        if timings is not None:
            timings.failed(f"{response.status_code} {response.text}")
        return None
    if timings is not None:
        timings.seconds.append(elapsed)
    return body


@dataclass(frozen=True)
class Side:
    """How one server is asked: ``call(operation, variables)`` for list, case, push, pull."""

    name: str
    http: httpx.AsyncClient
    graphql: bool

    def call(self, operation: str, variables: dict[str, Any], token: str) -> Any:
        headers = {**HEADERS, "Authorization": f"Bearer {token}"}
        if self.graphql:
            query = {"cases": CASES, "case": CASE, "push": PUSH, "pull": PULL}[operation]
            body = {"query": query, "variables": variables}
            return self.http.post("/graphql", json=body, headers=headers)
        return self.http.post(f"/bare/{operation}", json=variables, headers=headers)


async def _reader(side: Side, token: str, operation: str, variables: dict[str, Any],
                  deadline: float, timings: Timings) -> None:
    while time.monotonic() < deadline:
        await _timed(timings, side.call(operation, variables, token))


async def _device(side: Side, token: str, deadline: float, timings: Timings) -> None:
    client_id, next_id, cursor = f"load-{uuid.uuid4()}", 1, None
    case_id = str(uuid.uuid4())
    while time.monotonic() < deadline:
        batch = []
        for _ in range(BATCH):
            if next_id == 1:
                args: dict[str, Any] = {"id": case_id, "kind": "withdrawal", "fields": {}}
                batch.append({"id": next_id, "name": "createCase", "args": args})
            else:
                args = {"id": case_id, "fields": {"note": f"第{next_id}次"}}
                batch.append({"id": next_id, "name": "updateCase", "args": args})
            next_id += 1
        push = {"input": {"clientId": client_id, "protocolVersion": 1, "mutations": batch}}
        if await _timed(timings, side.call("push", push, token)) is None:
            next_id -= BATCH  # the same batch again, as a device would
            continue
        while time.monotonic() < deadline:
            page = await _timed(timings, side.call("pull", {"c": client_id, "cursor": cursor},
                                                   token))
            if page is None:
                break
            moved = page["data"]["pull"]["cursor"] != cursor
            cursor = page["data"]["pull"]["cursor"]
            if not page["data"]["pull"]["changes"] or not moved:
                break


@dataclass(frozen=True)
class Scenario:
    title: str
    goal: float
    run: Callable[[Side, float, Timings], list[Awaitable[None]]]


def _scenarios(tokens: dict[str, str], clients: int, detail: str) -> list[Scenario]:
    supervisor = tokens["supervisor1"]
    staff = [tokens["staff1"], tokens["staff2"]]
    list_vars: dict[str, Any] = {"first": 50}

    def listing(side: Side, deadline: float, t: Timings) -> list[Awaitable[None]]:
        return [_reader(side, supervisor, "cases", list_vars, deadline, t)
                for _ in range(clients)]

    def one_case(side: Side, deadline: float, t: Timings) -> list[Awaitable[None]]:
        return [_reader(side, supervisor, "case", {"id": detail}, deadline, t)
                for _ in range(clients)]

    def syncing(side: Side, deadline: float, t: Timings) -> list[Awaitable[None]]:
        return [_device(side, staff[n % 2], deadline, t) for n in range(clients)]

    return [
        Scenario(f"cases(first: 50), {clients} clients", 2.0, listing),
        Scenario(f"case(id) in full, {clients} clients", 3.0, one_case),
        Scenario(f"push+pull, {clients} devices", 3.0, syncing),
    ]


async def _measure(scenario: Scenario, side: Side, seconds: float) -> Timings:
    warm = Timings()
    await asyncio.gather(*scenario.run(side, time.monotonic() + 1, warm))
    timings = Timings()
    await asyncio.gather(*scenario.run(side, time.monotonic() + seconds, timings))
    return timings


async def _same_answers(ours: Side, bare: Side, token: str, detail: str) -> None:
    """The baseline answers exactly what GraphQL answers, or the ratio means nothing."""
    for operation, variables in (("cases", {"first": 50}), ("case", {"id": detail})):
        mine = await _timed(None, ours.call(operation, variables, token))
        theirs = await _timed(None, bare.call(operation, variables, token))
        if mine is None or mine != theirs:
            raise SystemExit(f"{operation}: the bare handler's answer differs from /graphql")


async def _run(app: str, bare_url: str, clients: int, seconds: float, detail: str) -> None:
    limits = httpx.Limits(max_connections=clients + 5)
    async with (httpx.AsyncClient(base_url=app, timeout=60, limits=limits) as ours_http,
                httpx.AsyncClient(base_url=bare_url, timeout=60, limits=limits) as bare_http):
        tokens = {}
        for user in ("staff1", "staff2", "supervisor1"):
            body = (await ours_http.post("/graphql", json={
                "query": LOGIN, "variables": {"u": user, "p": "doorstep-demo"}})).json()
            tokens[user] = body["data"]["login"]["token"]
        ours, bare = Side("graphql", ours_http, True), Side("bare", bare_http, False)
        await _same_answers(ours, bare, tokens["supervisor1"], detail)
        print(f"{'scenario':<32} {'side':<8} {'p50 /   p95 /   p99':>24}")
        for scenario in _scenarios(tokens, clients, detail):
            baseline = await _measure(scenario, bare, seconds)
            print(f"{scenario.title:<32} {'bare':<8} {baseline.text()}", flush=True)
            measured = await _measure(scenario, ours, seconds)
            print(f"{'':<32} {'graphql':<8} {measured.text()}", flush=True)
            ratio = measured.at(0.95) / baseline.at(0.95) if baseline.seconds else float("inf")
            met = ratio <= scenario.goal and measured.seconds and not measured.errors
            print(f"{'':<32} p95 ratio {ratio:.2f}x (goal ≤ {scenario.goal:.0f}x): "
                  f"{'MET' if met else 'NOT MET'}; load average {os.getloadavg()[0]:.1f}",
                  flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    args = parser.parse_args()
    with scratch_run(args.pg, "load", distributed_jobs=True) as scratch:
        detail = subprocess.run([sys.executable, "-m", "bench._load_data"], cwd=REPO,
                                env=scratch.env, check=True, capture_output=True, text=True,
                                timeout=300).stdout.strip().splitlines()[-1]
        app_port, bare_port = free_port(), free_port()
        app = scratch.start(*DOORSTEP, "serve", "--workers", "2", "--port", str(app_port))
        bare = scratch.start(  # as `doorstep serve` runs uvicorn
            sys.executable, "-m", "uvicorn", "bench._bare_app:create_app", "--factory",
            "--workers", "2", "--port", str(bare_port), "--log-level", "info")
        wait_until_answering(f"http://127.0.0.1:{app_port}/health", app, scratch.log)
        wait_until_answering(f"http://127.0.0.1:{bare_port}/bare/cases", bare, scratch.log)
        print(f"{args.clients} clients per scenario, {args.seconds:.0f} s each side, "
              f"2 app processes each, PostgreSQL; load average {os.getloadavg()[0]:.1f}; "
              "latency p50 / p95 / p99")
        asyncio.run(_run(f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{bare_port}",
                         args.clients, args.seconds, detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
