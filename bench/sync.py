"""Sync benchmark, on SQLite and PostgreSQL in one run (a benchmark, not a timed test).

    .venv/bin/python bench/sync.py [--cases 10000] [--mutations 3000] [--pg URL]

Per engine, on a fresh database:
- push: createCase mutations through ``sync.push.push`` in batches of 100, against the
  database's own rate through the bare driver (aiosqlite / asyncpg) for the same rows
  (case, history entry, change-log row; one INSERT each, one transaction per 100, the
  app's pragmas and locks: bench/_sync_driver.py): the ratio is the figure
  (goal: push >= 25% of the driver's rate);
- initial pull: a full sync of N cases through ``POST /graphql`` in-process, every page
  until the end (goal: 10,000 cases in <= 2 s), and the bytes: the pull responses as JSON
  and gzipped, against the same cases as a bare JSON array gzipped.

Each engine runs in its own process (the ORM's engine is chosen at import). Wall-clock
figures depend on what else the machine runs (the load average is printed); the pull's
CPU seconds (the app's own work, SQLite included) do not.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"
BATCH = 100


def _fields(n: int) -> dict[str, str]:
    return {"name": f"测试{n}", "phone": f"138{n % 100000000:08d}", "withdrawal_reason": "02",
            "amount": f"{1000 + n}.00", "address": f"六盘水市钟山区人民路 {n} 号"}


PASSWORD = "bench-password-0"  # noqa: S105  (a throw-away database)


async def _staff() -> Any:
    from backend.accounts import queries, service
    from backend.accounts.roles import Role

    team_id, user_id = uuid.uuid4(), uuid.uuid4()
    await queries.ensure_team(team_id, "bench team")
    await service.create_user(f"bench-{user_id.hex[:8]}", PASSWORD, "bench", Role.FIELD_STAFF,
                              user_id=user_id, team_id=team_id, unit_id=None)
    return await queries.user_by_id(user_id)


async def _driver_rate(user: Any, count: int) -> float:
    """The bare driver writing what createCase writes (bench/_sync_driver.py)."""
    from bench import _sync_driver as sync_driver

    url = os.environ["DOORSTEP_DATABASE_URL"]
    if url.startswith("sqlite:///"):
        return await sync_driver.sqlite_rate(url.removeprefix("sqlite:///"), user, _fields,
                                             count, BATCH)
    return await sync_driver.postgres_rate(url, user, _fields, count, BATCH)


async def _push_rate(user: Any, count: int) -> float:
    from sync.protocol import Mutation
    from sync.push import push

    client_id = str(uuid.uuid4())
    mutations = [
        Mutation(n + 1, "createCase",
                 {"id": str(uuid.uuid4()), "kind": "withdrawal", "fields": _fields(n)})
        for n in range(count)
    ]
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        outcome = await push(user, client_id, 1, mutations[start : start + BATCH])
        assert all(r.status == "applied" for r in outcome.results), outcome.results[:3]
    return count / (time.perf_counter() - started)


async def _seed_cases(user: Any, count: int) -> None:
    """Current state for the full sync (bulk: this is set-up, not measured)."""
    from backend.cases.tables import Case

    now = datetime.now(UTC)
    for start in range(0, count, 1000):
        await Case.insert(*[
            Case(id=uuid.uuid4(), kind="withdrawal", status="draft",
                 fields=json.dumps(_fields(n), ensure_ascii=False), field_meta="{}",
                 conflicts="[]", version=1, creator=user.id, assignee=user.id,
                 team=user.team_id, unit=None, created_at=now, updated_at=now)
            for n in range(start, min(count, start + 1000))
        ])


async def _full_sync(user: Any) -> dict[str, Any]:
    from litestar.testing import AsyncTestClient

    from backend.app import create_app

    query = ("query($c: ID!, $k: String) { pull(clientId: $c, cursor: $k) { cursor "
             "lastMutationId reset changes { entity id op version data } } }")
    client_id, cursor = str(uuid.uuid4()), None
    raw_bytes, pages, cases = 0, [], []
    async with AsyncTestClient(app=create_app()) as client:
        login = await client.post("/graphql", json={
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                     "{ token } }", "variables": {"u": user.username, "p": PASSWORD}})
        token = login.json()["data"]["login"]["token"]
        # The app's start-up loads the search dictionary in a thread of this process (a few
        # CPU seconds under the same GIL): wait for it, as a server up for a few seconds has.
        from backend.knowledge.segmentation import warm_up

        await asyncio.to_thread(warm_up)
        started, cpu = time.perf_counter(), time.process_time()
        while True:
            response = await client.post(
                "/graphql", json={"query": query, "variables": {"c": client_id, "k": cursor}},
                headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"},
            )
            body = response.content
            raw_bytes += len(body)
            pages.append(body)
            page = json.loads(body)["data"]["pull"]
            cases += [c["data"] for c in page["changes"] if c["entity"] == "case"]
            if not page["changes"] or page["cursor"] == cursor:
                break
            cursor = page["cursor"]
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    bare = json.dumps(cases, ensure_ascii=False, separators=(",", ":")).encode()
    from backend.app import GZIP_LEVEL  # the level the app serves with

    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "cases": len(cases),
        "requests": len(pages),
        "pull_json_bytes": raw_bytes,
        "pull_gzip_bytes": sum(len(gzip.compress(p, GZIP_LEVEL)) for p in pages),
        "bare_json_gzip_bytes": len(gzip.compress(bare, GZIP_LEVEL)),
    }


async def _measure(cases: int, mutations: int) -> dict[str, Any]:
    from backend.db.lifecycle import close_pool, migrate, open_pool

    await migrate()
    await open_pool()
    try:
        pusher = await _staff()
        raw = await _driver_rate(pusher, mutations)
        pushed = await _push_rate(pusher, mutations)
        reader = await _staff()
        await _seed_cases(reader, cases)
    finally:
        await close_pool()  # the app under test opens its own, in its own event loop
    pull = await _full_sync(reader)
    return {"raw_insert_per_s": raw, "push_per_s": pushed, "pull": pull}


def _child(engine: str, url: str, cases: int, mutations: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-") as data_dir:
        env = {**os.environ, "DOORSTEP_MODE": "demo", "DOORSTEP_DATA_DIR": data_dir,
               "DOORSTEP_EMBEDDED_WORKERS": "0", "PICCOLO_CONF": "backend.db.piccolo_conf",
               "DOORSTEP_DATABASE_URL": url or f"sqlite:///{data_dir}/bench.sqlite3"}
        out = subprocess.run(
            [sys.executable, __file__, "--child", "--cases", str(cases),
             "--mutations", str(mutations)],
            env=env, capture_output=True, text=True, check=False,
        )
    if out.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _postgres(server: str, sql: str) -> None:
    import asyncpg

    async def run() -> None:
        connection = await asyncpg.connect(server)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run())


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} on {os.cpu_count()} CPUs"


def _report(engine: str, r: dict[str, Any]) -> None:
    pull = r["pull"]
    ratio = r["push_per_s"] / r["raw_insert_per_s"]
    print(f"{engine}: ({_load()})")
    print(f"  push           {r['push_per_s']:8.0f} mutations/s (batches of {BATCH})")
    print(f"  bare driver    {r['raw_insert_per_s']:8.0f} mutations/s (same rows + change log, "
          "1 INSERT each)")
    print(f"  push / driver  {ratio:8.0%}   goal >= 25%  {'ok' if ratio >= 0.25 else 'MISSED'}")
    ok = pull["seconds"] <= 2.0 and pull["cases"] >= 10000
    print(f"  initial pull   {pull['cases']} cases in {pull['seconds']:.2f} s "
          f"({pull['cpu_seconds']:.2f} s CPU of the app process), {pull['requests']} requests"
          f"   goal 10,000 in <= 2 s  {'ok' if ok else 'MISSED'}")
    print(f"  pull bytes     {pull['pull_json_bytes']:,} JSON, {pull['pull_gzip_bytes']:,} gzip; "
          f"bare cases JSON gzip {pull['bare_json_gzip_bytes']:,} "
          f"({pull['pull_gzip_bytes'] / pull['bare_json_gzip_bytes']:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--mutations", type=int, default=3000)
    parser.add_argument("--pg", default=os.environ.get("DOORSTEP_BENCH_PG", DEFAULT_PG))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_measure(args.cases, args.mutations))))
        return
    _report("SQLite", _child("SQLite", "", args.cases, args.mutations))
    database = f"doorstep_bench_{uuid.uuid4().hex[:8]}"
    server = args.pg.rstrip("/")
    try:
        _postgres(server, f'CREATE DATABASE "{database}"')
    except OSError as error:
        print(f"PostgreSQL: skipped ({error})")
        return
    try:
        url = server.rsplit("/", 1)[0] + f"/{database}"
        _report("PostgreSQL", _child("PostgreSQL", url, args.cases, args.mutations))
    finally:
        _postgres(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    main()
