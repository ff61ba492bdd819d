"""Flood benchmark of the public consultation page (``just bench public_flood``).

At least 1,000 ``askQuestion`` calls from one address (127.0.0.1, 20 at a time, from a
separate process so that the flood's own client does not share the members' event loop)
against ``doorstep serve --workers 2`` on a fresh PostgreSQL database (dropped afterwards).
The flood keeps going until the other members are done. Members on other addresses
(127.0.0.2…, loopback) ask their questions one after another, first with no flood (the
baseline, same run), then during it. Prints how many flood calls were accepted, throttled
(``RATE_LIMITED``) or failed (5xx, other errors), the members' p50/p95 before and during,
their ratios and whether each goal is met, and the machine's load average.

    .venv/bin/python bench/public_flood.py [--flood 1000] [--members 10] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import httpx

from bench._scratch import DEFAULT_PG, DOORSTEP, REPO, free_port, scratch_run, wait_until_answering
from bench.load import Timings

ASK = "mutation($t: String!) { askQuestion(text: $t) { id ticket } }"
QUESTION = "租房可以提取住房公积金吗？需要哪些材料"
PER_MEMBER = 8  # questions each other member asks in a phase (under the address limit)
CONCURRENCY = 20
# Goals: the members' latency during the flood against the baseline measured just before.
P50_GOAL, P95_GOAL = 1.5, 2.0


async def _flood(base: str, calls: int) -> tuple[Counter[str], Timings]:
    """Sends at least ``calls`` questions, and on until the parent sends SIGUSR1."""
    outcomes: Counter[str] = Counter()
    timings = Timings()
    sent = 0
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, stop.set)

    async def worker(http: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < calls or not stop.is_set():
            sent += 1
            started = time.perf_counter()
            try:
                body = {"query": ASK, "variables": {"t": QUESTION}}
                response = await http.post("/graphql", json=body)
            except httpx.HTTPError:
                outcomes["transport error"] += 1
                continue
            timings.seconds.append(time.perf_counter() - started)
            if len(timings.seconds) == 1:  # the first answer: the members may start
                print("started", flush=True)
            if response.status_code >= 500:
                outcomes[f"HTTP {response.status_code}"] += 1
                continue
            errors = response.json().get("errors") or []
            code = errors[0]["extensions"]["code"] if errors else "accepted"
            outcomes[code] += 1

    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.1")
    async with httpx.AsyncClient(base_url=base, timeout=60, transport=transport) as http:
        await asyncio.gather(*(worker(http) for _ in range(CONCURRENCY)))
    return outcomes, timings


def flood_process(base: str, calls: int) -> None:
    """The flooding client (``--flood-only``): prints its outcomes as one JSON line."""
    outcomes, timings = asyncio.run(_flood(base, calls))
    print(json.dumps({"outcomes": outcomes, "seconds": timings.seconds}), flush=True)


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


def _p95(timings: Timings) -> float:
    ordered = sorted(timings.seconds)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else float("nan")


def _goal(name: str, met: bool) -> str:
    return f"goal {name}: {'met' if met else 'NOT met'}"


def _run(base: str, flood: int, members: int) -> None:
    before, during = Timings(), Timings()
    # Warm-up (discarded): each worker process's first requests import and fill caches.
    asyncio.run(_members(base, [f"127.0.0.{n}" for n in range(200, 200 + members)], Timings()))
    load_before = os.getloadavg()
    asyncio.run(_members(base, [f"127.0.0.{n}" for n in range(2, 2 + members)], before))
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.public_flood", "--flood-only", base,
         "--flood", str(flood)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    if child.stdout.readline().strip() != "started":
        raise SystemExit("the flood did not start")
    asyncio.run(_members(base, [f"127.0.0.{n}" for n in range(100, 100 + members)], during))
    child.send_signal(signal.SIGUSR1)
    report = json.loads(child.stdout.readline())
    child.wait(timeout=120)
    elapsed = time.perf_counter() - started
    outcomes: Counter[str] = Counter(report["outcomes"])
    flood_t = Timings(seconds=report["seconds"])
    total = sum(outcomes.values())
    print(f"load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} "
          f"(2 cores shared with other work)")
    print(f"flood: {total} askQuestion from 127.0.0.1 in {elapsed:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(flood_t.line("flood responses"))
    print(before.line("other members, before"))
    print(during.line("other members, during"))
    p50_ratio = during.p50 / before.p50
    p95_ratio = _p95(during) / _p95(before)
    print(f"ratio p50 during / before: {p50_ratio:.2f}x; p95: {p95_ratio:.2f}x")
    errors = sum(v for k, v in outcomes.items() if k not in ("accepted", "RATE_LIMITED"))
    print(_goal(f"at least {flood} flood calls, all answered without 5xx or other errors",
                total >= flood and errors == 0))
    print(_goal("the flood is throttled (at most 5% accepted)",
                outcomes["accepted"] <= 0.05 * total))
    print(_goal("other members all got through", during.errors == 0 and before.errors == 0))
    print(_goal(f"others' p50 during the flood <= {P50_GOAL}x before", p50_ratio <= P50_GOAL))
    print(_goal(f"others' p95 during the flood <= {P95_GOAL}x before", p95_ratio <= P95_GOAL))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flood", type=int, default=1000)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    parser.add_argument("--flood-only", metavar="BASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flood_only:
        flood_process(args.flood_only, args.flood)
        return 0
    with scratch_run(args.pg, "flood", distributed_jobs=False) as scratch:
        port = free_port()
        app = scratch.start(*DOORSTEP, "serve", "--workers", "2", "--port", str(port))
        wait_until_answering(f"http://127.0.0.1:{port}/health", app, scratch.log)
        _run(f"http://127.0.0.1:{port}", args.flood, args.members)
    return 0


if __name__ == "__main__":
    sys.exit(main())
