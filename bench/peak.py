"""Month-end load test (``just bench peak``), not a timed test.

On a fresh PostgreSQL database (dropped afterwards) with distributed jobs (procrastinate):
``doorstep serve --workers 2`` and two ``doorstep worker`` processes. Then, over the run,
200 tablets (one member of staff each) each push 50 mutations (five cases: create, attach
two photos, edits, submit) and upload 10 real document photos (tests/fixtures/documents)
through tus, with 10 % of their requests cut off mid-way and retried as the client does;
20 supervisors page through the review queue and 100 members use the public consultation
pages (throttling there is by design and counted apart). The OCR backlog and the memory of
the app and worker processes are sampled every 3 s; after the load the backlog is watched
draining. Writes a Markdown report with an SVG chart and prints its path.

    .venv/bin/python -m bench peak [--minutes 10] [--scale 1.0] [--drain-seconds 120]
        [--report bench/reports/peak-<time>.md] [--pg URL]

``--scale 0.1`` runs 20 tablets, 2 supervisors and 10 members (each tablet still does its
50 mutations and 10 photos, within ``--minutes``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from backend.capacity import default_ocr_processes, share_per_app_process
from bench._peak_clients import (
    KEEPALIVE_EXPIRY_SECONDS,
    Recorder,
    Tablet,
    load_photos,
    member,
    supervisor,
)
from bench._peak_monitor import Monitor, table_sizes
from bench._peak_report import drain, latency_table, markdown, svg
from bench._scratch import (
    DEFAULT_PG,
    DOORSTEP,
    REPO,
    Scratch,
    free_port,
    scratch_run,
    wait_until_answering,
)
from bench.load import LOGIN

PHOTOS = REPO / "tests" / "fixtures" / "documents"
ADD_STAFF = """
import asyncio, sys, uuid
from datetime import UTC, datetime
from backend.accounts import queries
from backend.accounts.passwords import hash_password
from backend.accounts.roles import Role
from backend.demo.seed import DEMO_PASSWORD, DEMO_TEAM_ID

async def main(count):
    hashed = hash_password(DEMO_PASSWORD)
    for n in range(count):
        await queries.insert_user_if_absent(
            user_id=uuid.uuid4(), username=f"peak{n}", display_name=f"外勤{n}",
            role=Role.FIELD_STAFF, password_hash=hashed, team_id=DEMO_TEAM_ID, unit_id=None,
            created_at=datetime.now(UTC))

asyncio.run(main(int(sys.argv[1])))
"""


async def _login(http: httpx.AsyncClient, username: str) -> str:
    body = (await http.post("/graphql", json={
        "query": LOGIN, "variables": {"u": username, "p": "doorstep-demo"}})).json()
    token: str = body["data"]["login"]["token"]
    return token


async def _load(base: str, dsn: str, args: argparse.Namespace, pids: dict[str, list[int]],
                counts: dict[str, int]) -> tuple[Recorder, Monitor, float]:
    seconds = args.minutes * 60
    photos = load_photos(PHOTOS)
    limits = httpx.Limits(max_connections=counts["tablets"] + counts["supervisors"] + 10,
                          keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        staff = [await _login(http, f"peak{n}") for n in range(counts["tablets"])]
        reviewer = await _login(http, "supervisor1")
        rec = Recorder()
        monitor = Monitor(dsn, pids["app"], pids["worker"])
        stop = asyncio.Event()
        sampling = asyncio.create_task(monitor.run(stop))
        rec.started = monitor.started = time.monotonic()
        deadline = rec.started + seconds
        tablets = [Tablet(http, token, rec, photos, args.drop_rate) for token in staff]
        await asyncio.gather(
            *(tablet.run(seconds) for tablet in tablets),
            *(supervisor(http, reviewer, rec, deadline) for _ in range(counts["supervisors"])),
            *(member(base, f"127.0.{1 + n // 250}.{2 + n % 250}", rec, deadline,
                     lambda: random.uniform(2.0, 6.0)) for n in range(counts["members"])),
        )
        load_end = time.monotonic() - rec.started
        drain_deadline = time.monotonic() + args.drain_seconds
        while time.monotonic() < drain_deadline:
            latest = monitor.samples[-1] if monitor.samples else None
            if latest is not None and latest.at > load_end and latest.todo + latest.doing == 0:
                break
            await asyncio.sleep(1.0)
        stop.set()
        await sampling
    return rec, monitor, load_end


def _start(scratch: Scratch) -> int:
    """The app (two processes) and two workers; returns the app's port."""
    port = free_port()
    app = scratch.start(*DOORSTEP, "serve", "--workers", "2", "--port", str(port))
    wait_until_answering(f"http://127.0.0.1:{port}/health", app, scratch.log)
    # Two workers on one machine share its cores: each runs its share of OCR processes
    # (the default alone would start one per core in each, twice the cores in all).
    share = str(share_per_app_process(default_ocr_processes(), 2))
    for _ in range(2):
        scratch.start(*DOORSTEP, "worker", "--processes", share)
    return port


def _goals(rec: Recorder, monitor: Monitor, load_end: float) -> list[str]:
    errors = sum(rec.errors.values())
    result = drain(monitor.samples, load_end)
    ratio = result.drain_rate / result.throughput if result.throughput > 0 else float("nan")
    app = [s.app_rss_mb for s in monitor.samples]
    grown = app[-1] / app[0] if app and app[0] else float("nan")
    return [
        f"errors apart from throttling: {errors} (goal 0): {'met' if errors == 0 else 'NOT met'}",
        f"OCR backlog drains at the measured throughput: fall after load {result.drain_rate:.2f}"
        f"/s vs throughput {result.throughput:.2f}/s, ratio {ratio:.2f} (goal ≥ 0.8): "
        f"{'met' if ratio >= 0.8 else 'NOT met'}",
        f"app memory end / start: {grown:.2f}x (goal ≤ 2x, no leak under load): "
        f"{'met' if grown <= 2 else 'NOT met'}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--drain-seconds", type=float, default=120.0)
    parser.add_argument("--drop-rate", type=float, default=0.10)
    parser.add_argument("--report", type=Path, default=None)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_TEST_PG", DEFAULT_PG))
    args = parser.parse_args()
    counts = {"tablets": max(1, round(200 * args.scale)),
              "supervisors": max(1, round(20 * args.scale)),
              "members": max(1, round(100 * args.scale))}
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = args.report or REPO / "bench" / "reports" / f"peak-{stamp}.md"
    with scratch_run(args.pg, "peak", distributed_jobs=True) as scratch:
        subprocess.run([sys.executable, "-c", ADD_STAFF, str(counts["tablets"])], cwd=REPO,
                       env=scratch.env, check=True, timeout=300)
        port = _start(scratch)
        setup = [
            f"Run {stamp}: {counts['tablets']} tablets × (50 mutations, 10 photos), "
            f"{counts['supervisors']} supervisors, {counts['members']} members over "
            f"{args.minutes:g} min (scale {args.scale:g}), {args.drop_rate:.0%} of tablet "
            "requests cut off and retried; PostgreSQL, distributed jobs (procrastinate), "
            "`doorstep serve --workers 2`, 2 × `doorstep worker`, all on one machine "
            f"({os.cpu_count()} cores) with the load generator; load average at start "
            f"{os.getloadavg()[0]:.1f}."]
        print(setup[0], flush=True)
        app, *workers = scratch.processes
        pids = {"app": [app.pid], "worker": [p.pid for p in workers]}
        rec, monitor, load_end = asyncio.run(
            _load(f"http://127.0.0.1:{port}", scratch.url, args, pids, counts))
        goals = _goals(rec, monitor, load_end)
        sizes = asyncio.run(table_sizes(scratch.url))
        report.parent.mkdir(parents=True, exist_ok=True)
        chart = report.with_suffix(".svg")
        chart.write_text(svg(rec, monitor.samples, load_end), encoding="utf-8")
        report.write_text(markdown(setup, rec, monitor.samples, load_end, chart.name, goals,
                                   sizes),
                          encoding="utf-8")
        print("\n".join(latency_table(rec)))
        print("\n".join(goals))
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
