"""Flood benchmark of the public consultation page (``just bench public_flood``).

At least 1,000 ``askQuestion`` calls from one address (127.0.0.1, 20 kept-alive connections,
from a separate process) against ``doorstep serve --workers 2`` on a fresh PostgreSQL
database (dropped afterwards). Members on other addresses (127.0.0.2…, loopback, one
address each, never reused) ask their questions one after another, in rounds
(``--rounds``): phases of members asking while the flood sends its share of the calls (every
flood call falls in a measured phase), then as many phases with no flood (idle), and again.
Alternating, in the same run, is what makes the ratio honest on a machine shared with other
work: a burst of someone else's load falls on both sides, not on one.

Both clients are raw HTTP/1.1 (``bench/_raw_http.py``): httpx's own Python per request
would make the flooding client take a core of the two, and the slowdown measured would be
the client's. Prints the flood's outcomes (accepted, throttled ``RATE_LIMITED``, 5xx, other
errors), the members' p50/p95 idle and during the flood, the ratios and whether each goal
is met, and the machine's load average.

Goals: no 5xx or other error; the flood is throttled (at most 5% accepted); every member
gets through; members' p50 and p95 during the flood at most 1.3× their idle p50 and p95.

    .venv/bin/python bench/public_flood.py [--flood 1000] [--members 10] [--rounds 3] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

from bench._raw_http import RawConnection, graphql_post
from bench._scratch import DEFAULT_PG, DOORSTEP, REPO, free_port, scratch_run, wait_until_answering
from bench.load import Timings

ASK = "mutation($t: String!) { askQuestion(text: $t) { id ticket } }"
QUESTION = "租房可以提取住房公积金吗？需要哪些材料"
PER_MEMBER = 8  # questions each member asks in a phase (under the address limit of 20)
PAUSE = 0.2  # seconds between one member's questions
CONCURRENCY = 20
P50_GOAL = P95_GOAL = 1.3  # during the flood / idle, same run


def _outcome(status: int, body: bytes) -> str:
    if status >= 500:
        return f"HTTP {status}"
    if b'"errors"' not in body:
        return "accepted"
    errors = json.loads(body).get("errors") or [{}]
    return str(errors[0].get("extensions", {}).get("code", "no code"))


async def _flood(host: str, port: int) -> dict[str, object]:
    """Floods between ``go N`` and ``pause`` on stdin; ``stop`` ends. Answers ``going`` (the
    first answer of the phase came), ``done`` (N answered in this phase; flooding goes on
    until ``pause``) and ``paused`` (no request of the flood is in flight)."""
    outcomes: Counter[str] = Counter()
    seconds: list[float] = []
    request = graphql_post(host, ASK, {"t": QUESTION})
    flowing, first_answer, idle = asyncio.Event(), asyncio.Event(), asyncio.Event()
    connections = [await RawConnection.open(host, port, "127.0.0.1") for _ in range(CONCURRENCY)]
    busy, target = 0, 0

    async def worker(n: int) -> None:
        nonlocal busy, target
        while True:
            await flowing.wait()
            busy += 1
            started = time.perf_counter()
            try:
                status, body = await connections[n].send(request)
            except (OSError, asyncio.IncompleteReadError, ValueError) as failed:
                outcomes[f"transport error {type(failed).__name__}"] += 1
                connections[n] = await RawConnection.open(host, port, "127.0.0.1")
            else:
                seconds.append(time.perf_counter() - started)
                outcomes[_outcome(status, body)] += 1
                first_answer.set()
            busy -= 1
            if target and outcomes.total() >= target:
                target = 0
                print("done", flush=True)
            if busy == 0 and not flowing.is_set():
                idle.set()

    async def commands() -> None:
        nonlocal target
        reader = asyncio.StreamReader()
        loop = asyncio.get_running_loop()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while line := (await reader.readline()).decode().strip():
            if line.startswith("go "):
                # The server closes a connection idle for its keep-alive timeout (uvicorn:
                # 5 s) and the idle phase is longer: each phase starts on fresh ones.
                for n, old in enumerate(connections):
                    await old.close()
                    connections[n] = await RawConnection.open(host, port, "127.0.0.1")
                target = outcomes.total() + int(line.split()[1])
                first_answer.clear()
                flowing.set()
                await first_answer.wait()
                print("going", flush=True)
            elif line == "pause":
                idle.clear()
                flowing.clear()
                if busy:
                    await idle.wait()
                print("paused", flush=True)
            elif line == "stop":
                return

    workers = [asyncio.create_task(worker(n)) for n in range(len(connections))]
    await commands()
    for task in workers:
        task.cancel()
    return {"outcomes": dict(outcomes), "seconds": seconds}


def flood_process(base: str) -> None:
    """The flooding client (``--flood-only``): prints its outcomes as one JSON line."""
    url = urlsplit(base)
    report = asyncio.run(_flood(url.hostname or "127.0.0.1", url.port or 80))
    print(json.dumps(report), flush=True)


async def _members(base: str, addresses: list[str], timings: Timings) -> None:
    url = urlsplit(base)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    request = graphql_post(host, ASK, {"t": QUESTION})

    async def member(address: str) -> None:
        connection = await RawConnection.open(host, port, address)
        try:
            for _ in range(PER_MEMBER):
                started = time.perf_counter()
                status, body = await connection.send(request)
                elapsed = time.perf_counter() - started
                outcome = _outcome(status, body)
                if outcome != "accepted":
                    timings.failed(f"{address}: {outcome}")
                else:
                    timings.seconds.append(elapsed)
                await asyncio.sleep(PAUSE)
        finally:
            await connection.close()

    await asyncio.gather(*(member(address) for address in addresses))


def _addresses() -> Iterator[str]:
    """Loopback addresses other than the flood's, each used by one member in one phase."""
    for third, fourth in itertools.product(range(256), range(2, 255)):
        yield f"127.0.{third}.{fourth}"


def _goal(name: str, met: bool) -> str:
    return f"goal {name}: {'met' if met else 'NOT met'}"


class FloodProcess:
    def __init__(self, base: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-m", "bench.public_flood", "--flood-only", base],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def tell(self, command: str, answer: str | None) -> str:
        assert self.child.stdin is not None
        self.child.stdin.write(command + "\n")
        self.child.stdin.flush()
        return self.expect(answer)

    def expect(self, answer: str | None) -> str:
        assert self.child.stdout is not None
        line = self.child.stdout.readline().strip()
        if answer is not None and line != answer:
            raise SystemExit(f"the flood answered {line!r}, not {answer!r}")
        return line


def _run(base: str, flood: int, members: int, rounds: int) -> None:
    """Each round: members ask, phase after phase, while the flood sends its share of
    ``flood``; then as many phases with no flood. Every flood call falls in a measured phase."""
    idle, during = Timings(), Timings()
    addresses = _addresses()

    async def phase(timings: Timings) -> None:
        await _members(base, [next(addresses) for _ in range(members)], timings)

    async def during_flood(timings: Timings) -> int:
        done = asyncio.get_running_loop().run_in_executor(None, flooder.expect, "done")
        phases = 0
        while not done.done():
            await phase(timings)
            phases += 1
        await done
        return phases

    async def without_flood(timings: Timings, phases: int) -> None:
        for _ in range(phases):
            await phase(timings)

    asyncio.run(phase(Timings()))  # warm-up (discarded): each process imports, fills caches
    load_before = os.getloadavg()
    flooder = FloodProcess(base)
    started = time.perf_counter()
    share = -(-flood // rounds)
    for number in range(1, rounds + 1):
        idle_round, during_round = Timings(), Timings()
        flooder.tell(f"go {share}", "going")
        phases = asyncio.run(during_flood(during_round))
        flooder.tell("pause", "paused")
        asyncio.run(without_flood(idle_round, phases))
        print(f"round {number} ({phases} phases each): during {during_round.text()}\n"
              f"                        idle   {idle_round.text()}", flush=True)
        for whole, part in ((idle, idle_round), (during, during_round)):
            whole.seconds += part.seconds
            whole.errors += part.errors
            whole.first_error = whole.first_error or part.first_error
    report = json.loads(flooder.tell("stop", None))
    flooder.child.wait(timeout=120)
    elapsed = time.perf_counter() - started
    outcomes: Counter[str] = Counter(report["outcomes"])
    flood_t = Timings(seconds=report["seconds"])
    total = sum(outcomes.values())
    print(f"load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} "
          f"(2 cores shared with other work)")
    print(f"flood: {total} askQuestion from 127.0.0.1 over {rounds} rounds in {elapsed:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"flood responses          {flood_t.text()}")
    print(f"other members, idle      {idle.text()}")
    print(f"other members, during    {during.text()}")
    p50_ratio = during.at(0.5) / idle.at(0.5)
    p95_ratio = during.at(0.95) / idle.at(0.95)
    print(f"ratio during / idle: p50 {p50_ratio:.2f}x, p95 {p95_ratio:.2f}x")
    errors = sum(v for k, v in outcomes.items() if k not in ("accepted", "RATE_LIMITED"))
    print(_goal(f"at least {flood} flood calls, all answered without 5xx or other errors",
                total >= flood and errors == 0))
    print(_goal("the flood is throttled (at most 5% accepted)",
                outcomes["accepted"] <= 0.05 * total))
    print(_goal("other members all got through", during.errors == 0 and idle.errors == 0))
    print(_goal(f"others' p50 during the flood <= {P50_GOAL}x idle", p50_ratio <= P50_GOAL))
    print(_goal(f"others' p95 during the flood <= {P95_GOAL}x idle", p95_ratio <= P95_GOAL))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flood", type=int, default=1000)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    parser.add_argument("--flood-only", metavar="BASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flood_only:
        flood_process(args.flood_only)
        return 0
    with scratch_run(args.pg, "flood", distributed_jobs=False) as scratch:
        port = free_port()
        app = scratch.start(*DOORSTEP, "serve", "--workers", "2", "--port", str(port))
        wait_until_answering(f"http://127.0.0.1:{port}/health", app, scratch.log)
        print(f"server pid {app.pid}", flush=True)  # for a profiler (py-spy)
        _run(f"http://127.0.0.1:{port}", args.flood, args.members, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
