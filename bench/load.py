"""Load benchmark (``just bench load``), not a timed test.

50 devices syncing (push a small batch, then pull to the end, in a loop) and 5 supervisors
listing cases (``cases(first: 50)``) against ``doorstep serve --workers 2`` on a fresh
PostgreSQL database (dropped afterwards); then the same number of clients against a bare
Litestar JSON handler served the same way (uvicorn, 2 workers), in the same run. Prints
p50/p95 latency and errors of each, and the ratio. Loopback only; bounded in time.

    .venv/bin/python bench/load.py [--seconds 20] [--devices 50] [--supervisors 5] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"
LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
PUSH = """mutation($input: PushInput!) { push(input: $input) { lastMutationId } }"""
PULL = """query($c: ID!, $cursor: String) {
  pull(clientId: $c, cursor: $cursor) { cursor changes { id } } }"""
CASES = "{ cases(first: 50) { edges { node { id status } } } }"
BATCH = 5


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    errors: int = 0

    def line(self, name: str) -> str:
        if not self.seconds:
            return f"{name:<28} no successful requests, errors {self.errors}"
        ordered = sorted(self.seconds)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        return (f"{name:<28} n={len(ordered):>6}  p50={self.p50 * 1000:7.1f} ms  "
                f"p95={p95 * 1000:7.1f} ms  errors={self.errors}")

    @property
    def p50(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _admin(pg: str, sql: str) -> None:
    script = ("import asyncio, sys, asyncpg\n"
              "async def main():\n"
              "    c = await asyncpg.connect(sys.argv[1])\n"
              "    await c.execute(sys.argv[2])\n"
              "    await c.close()\n"
              "asyncio.run(main())\n")
    subprocess.run([sys.executable, "-c", script, pg, sql], check=True, timeout=60)


def _wait(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text()[-2000:]}")
        try:
            httpx.post(url, json={}, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


async def _timed(timings: Timings, call: Callable[[], Awaitable[httpx.Response]]) -> Any:
    started = time.perf_counter()
    try:
        response = await call()
    except httpx.HTTPError:
        timings.errors += 1
        return None
    elapsed = time.perf_counter() - started
    body = response.json() if response.status_code == 200 else None
    if body is None or body.get("errors"):
        timings.errors += 1
        return None
    timings.seconds.append(elapsed)
    return body


async def _device(http: httpx.AsyncClient, token: str, deadline: float, t: Timings) -> None:
    headers = {"Authorization": f"Bearer {token}"}
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
        variables = {"input": {"clientId": client_id, "protocolVersion": 1, "mutations": batch}}
        pushed = await _timed(t, lambda v=variables: http.post(  # type: ignore[misc]
            "/graphql", json={"query": PUSH, "variables": v}, headers=headers))
        if pushed is None:
            next_id -= BATCH  # the same batch again, as a device would
            continue
        while time.monotonic() < deadline:
            v = {"c": client_id, "cursor": cursor}
            page = await _timed(t, lambda v=v: http.post(  # type: ignore[misc]
                "/graphql", json={"query": PULL, "variables": v}, headers=headers))
            if page is None:
                break
            moved = page["data"]["pull"]["cursor"] != cursor
            cursor = page["data"]["pull"]["cursor"]
            if not page["data"]["pull"]["changes"] or not moved:
                break


async def _supervisor(http: httpx.AsyncClient, token: str, deadline: float, t: Timings) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        await _timed(t, lambda: http.post("/graphql", json={"query": CASES}, headers=headers))


async def _doorstep(base: str, devices: int, supervisors: int, seconds: float) -> Timings:
    limits = httpx.Limits(max_connections=devices + supervisors + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        tokens = {}
        for user in ("staff1", "staff2", "supervisor1"):
            body = (await http.post("/graphql", json={
                "query": LOGIN, "variables": {"u": user, "p": "doorstep-demo"}})).json()
            tokens[user] = body["data"]["login"]["token"]
        sync_t, list_t = Timings(), Timings()
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            *(_device(http, tokens[("staff1", "staff2")[n % 2]], deadline, sync_t)
              for n in range(devices)),
            *(_supervisor(http, tokens["supervisor1"], deadline, list_t)
              for _ in range(supervisors)),
        )
    print(sync_t.line("doorstep push+pull"))
    print(list_t.line("doorstep cases(first: 50)"))
    both = Timings(sync_t.seconds + list_t.seconds, sync_t.errors + list_t.errors)
    print(both.line("doorstep all"))
    return both


async def _bare(base: str, clients: int, seconds: float) -> Timings:
    timings = Timings()
    deadline = time.monotonic() + seconds
    payload = {"query": PUSH, "variables": {"input": {"clientId": "x", "mutations": []}}}

    async def loop(http: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            await _timed(timings, lambda: http.post("/graphql", json=payload))

    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.gather(*(loop(http) for _ in range(clients)))
    print(timings.line("bare Litestar JSON handler"))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--supervisors", type=int, default=5)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    args = parser.parse_args()
    name = f"doorstep_load_{secrets.token_hex(4)}"
    url = f"{args.pg.rstrip('/').rsplit('/', 1)[0]}/{name}"
    _admin(args.pg, f'CREATE DATABASE "{name}"')
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with TemporaryDirectory(prefix="doorstep-load-") as tmp:
            env = {**os.environ, "DOORSTEP_DATA_DIR": tmp, "DOORSTEP_DATABASE_URL": url,
                   "DOORSTEP_MODE": "demo", "DOORSTEP_EMBEDDED_WORKERS": "0",
                   "DOORSTEP_JOBS": "distributed"}
            doorstep = [sys.executable, "-c", "from backend.cli import main; main()"]
            subprocess.run([*doorstep, "seed", "--demo"], cwd=REPO, env=env, check=True,
                           capture_output=True, timeout=300)
            app_port, bare_port = _free_port(), _free_port()
            log = Path(tmp) / "app.log"
            with log.open("ab") as out:
                processes.append(subprocess.Popen(
                    [*doorstep, "serve", "--workers", "2", "--port", str(app_port)],
                    cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT))
                processes.append(subprocess.Popen(
                    [sys.executable, "-m", "uvicorn", "bench._bare_app:app", "--workers", "2",
                     "--port", str(bare_port), "--log-level", "warning"],
                    cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT))
            _wait(f"http://127.0.0.1:{app_port}/health", processes[0], log)
            _wait(f"http://127.0.0.1:{bare_port}/graphql", processes[1], log)
            print(f"{args.devices} devices + {args.supervisors} supervisors, "
                  f"{args.seconds:.0f} s each side, 2 app processes, PostgreSQL; "
                  f"load average {os.getloadavg()[0]:.1f}")
            ours = asyncio.run(_doorstep(f"http://127.0.0.1:{app_port}", args.devices,
                                         args.supervisors, args.seconds))
            bare = asyncio.run(_bare(f"http://127.0.0.1:{bare_port}",
                                     args.devices + args.supervisors, args.seconds))
            print(f"ratio p50 doorstep / bare handler: {ours.p50 / bare.p50:.1f}x")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        _admin(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
