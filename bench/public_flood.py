"""Flood benchmark of the public consultation page (``just bench public_flood``).

1,000 ``askQuestion`` calls from one address (127.0.0.1, 20 at a time) against ``doorstep
serve --workers 2`` on a fresh PostgreSQL database (dropped afterwards), while members on
other addresses (127.0.0.2…, loopback) ask their questions one after another. Prints how
many flood calls were accepted, throttled (``RATE_LIMITED``) or failed (5xx, other
errors), and the other members' p50/p95 latency before and during the flood.

    .venv/bin/python bench/public_flood.py [--flood 1000] [--members 10] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

from bench.load import DEFAULT_PG, REPO, Timings, _admin, _free_port, _wait

ASK = "mutation($t: String!) { askQuestion(text: $t) { id ticket } }"
QUESTION = "租房可以提取住房公积金吗？需要哪些材料"
PER_MEMBER = 5  # questions each other member asks in a phase (under the address limit)


async def _flood(base: str, calls: int, concurrency: int) -> tuple[Counter[str], Timings]:
    outcomes: Counter[str] = Counter()
    timings = Timings()
    queue = iter(range(calls))

    async def worker(http: httpx.AsyncClient) -> None:
        for _ in queue:
            started = time.perf_counter()
            try:
                body = {"query": ASK, "variables": {"t": QUESTION}}
                response = await http.post("/graphql", json=body)
            except httpx.HTTPError:
                outcomes["transport error"] += 1
                continue
            timings.seconds.append(time.perf_counter() - started)
            if response.status_code >= 500:
                outcomes[f"HTTP {response.status_code}"] += 1
                continue
            errors = response.json().get("errors") or []
            code = errors[0]["extensions"]["code"] if errors else "accepted"
            outcomes[code] += 1

    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.1")
    async with httpx.AsyncClient(base_url=base, timeout=60, transport=transport) as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return outcomes, timings


async def _members(base: str, addresses: list[str], timings: Timings) -> None:
    async def member(address: str) -> None:
        transport = httpx.AsyncHTTPTransport(local_address=address)
        async with httpx.AsyncClient(base_url=base, timeout=60, transport=transport) as http:
            for _ in range(PER_MEMBER):
                started = time.perf_counter()
                response = await http.post(
                    "/graphql", json={"query": ASK, "variables": {"t": QUESTION}}
                )
                if response.status_code != 200 or response.json().get("errors"):
                    timings.errors += 1
                else:
                    timings.seconds.append(time.perf_counter() - started)
                await asyncio.sleep(0.2)

    await asyncio.gather(*(member(address) for address in addresses))


async def _run(base: str, flood: int, members: int) -> None:
    before, during = Timings(), Timings()
    await _members(base, [f"127.0.0.{n}" for n in range(2, 2 + members)], before)
    started = time.perf_counter()
    flooding = asyncio.create_task(_flood(base, flood, 20))
    await _members(base, [f"127.0.0.{n}" for n in range(100, 100 + members)], during)
    outcomes, flood_t = await flooding
    elapsed = time.perf_counter() - started
    print(f"flood: {flood} askQuestion from 127.0.0.1 in {elapsed:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(flood_t.line("flood responses"))
    print(before.line("other members, before"))
    print(during.line("other members, during"))
    print(f"ratio p50 during / before: {during.p50 / before.p50:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flood", type=int, default=1000)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    args = parser.parse_args()
    name = f"doorstep_flood_{secrets.token_hex(4)}"
    url = f"{args.pg.rstrip('/').rsplit('/', 1)[0]}/{name}"
    _admin(args.pg, f'CREATE DATABASE "{name}"')
    process: subprocess.Popen[bytes] | None = None
    try:
        with TemporaryDirectory(prefix="doorstep-flood-") as tmp:
            env = {**os.environ, "DOORSTEP_DATA_DIR": tmp, "DOORSTEP_DATABASE_URL": url,
                   "DOORSTEP_MODE": "demo", "DOORSTEP_EMBEDDED_WORKERS": "0"}
            doorstep = [sys.executable, "-c", "from backend.cli import main; main()"]
            subprocess.run([*doorstep, "seed", "--demo"], cwd=REPO, env=env, check=True,
                           capture_output=True, timeout=300)
            port = _free_port()
            log = Path(tmp) / "app.log"
            with log.open("ab") as out:
                process = subprocess.Popen(
                    [*doorstep, "serve", "--workers", "2", "--port", str(port)],
                    cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
            _wait(f"http://127.0.0.1:{port}/health", process, log)
            asyncio.run(_run(f"http://127.0.0.1:{port}", args.flood, args.members))
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        _admin(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
