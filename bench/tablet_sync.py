"""Tablet initial sync: 10,000 cases from the real server's pull into IndexedDB in Chromium.

    .venv/bin/python -m bench tablet_sync [--cases=10000] [--rounds=3]

1. On a fresh SQLite database, N cases are seeded for one member of staff (as in
   bench/sync.py) and pulled through ``POST /graphql`` in-process, page by page, exactly
   as a tablet's first sync would receive them; the pages' changes go to a file.
2. ``npm --prefix sync/client run bench`` (sync/client/bench/initial-sync.chromium.ts)
   serves those pages to the sync client in real Chromium and times a fresh client's
   ``syncNow()`` (push with nothing queued, then the whole pull applied into IndexedDB),
   beside a bare IndexedDB baseline in the same page (the same records put one
   transaction per page). Goal (issue 18): the tablet applies 10,000 cases within 3 s.

Wall-clock figures depend on what else the machine runs: the load average is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GOAL_SECONDS = 3.0
PASSWORD = "bench-password-0"  # noqa: S105  (a throw-away database)
RESULT_MARK = "BENCH-RESULT "


async def _staff_with_cases(count: int) -> Any:
    from backend.accounts import queries, service
    from backend.accounts.roles import Role
    from bench.sync import _seed_cases  # the same 10,000 cases as the server-side bench

    team_id, user_id = uuid.uuid4(), uuid.uuid4()
    await queries.ensure_team(team_id, "bench team")
    await service.create_user(f"bench-{user_id.hex[:8]}", PASSWORD, "bench", Role.FIELD_STAFF,
                              user_id=user_id, team_id=team_id, unit_id=None)
    user = await queries.user_by_id(user_id)
    assert user is not None
    await _seed_cases(user, count)  # set-up, not measured
    return user


async def _pull_pages(username: str) -> list[list[dict[str, Any]]]:
    from litestar.testing import AsyncTestClient

    from backend.app import create_app

    query = ("query($c: ID!, $k: String) { pull(clientId: $c, cursor: $k) { cursor "
             "lastMutationId reset changes { entity id op version data } } }")
    client_id, cursor, pages = str(uuid.uuid4()), None, []
    async with AsyncTestClient(app=create_app()) as client:
        login = await client.post("/graphql", json={
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                     "{ token } }", "variables": {"u": username, "p": PASSWORD}})
        token = login.json()["data"]["login"]["token"]
        while True:
            response = await client.post(
                "/graphql", json={"query": query, "variables": {"c": client_id, "k": cursor}},
                headers={"Authorization": f"Bearer {token}"})
            page = response.json()["data"]["pull"]
            if not page["changes"] or page["cursor"] == cursor:
                return pages
            pages.append(page["changes"])
            cursor = page["cursor"]


async def _write_pages(count: int, out: Path) -> None:
    from backend.db.lifecycle import close_pool, migrate, open_pool

    await migrate()
    await open_pool()
    try:
        user = await _staff_with_cases(count)
    finally:
        await close_pool()  # the app opens its own, in its own event loop
    pages = await _pull_pages(user.username)
    out.write_text(json.dumps(pages, ensure_ascii=False))  # noqa: ASYNC240  (once, at the end)


def _server_pages(count: int, data_dir: str, out: Path) -> None:
    """Runs the seeding and pull in a process of its own (the ORM picks its engine at import)."""
    env = {**os.environ, "DOORSTEP_MODE": "demo", "DOORSTEP_DATA_DIR": data_dir,
           "DOORSTEP_EMBEDDED_WORKERS": "0", "DOORSTEP_DEMO_REGISTRY": "false",
           "DOORSTEP_DATABASE_URL": f"sqlite:///{data_dir}/bench.sqlite3"}
    done = subprocess.run([sys.executable, __file__, "--child", "--cases", str(count),
                           "--out", str(out)], env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"seeding and pulling failed:\n{done.stderr[-3000:]}")


def _chromium_run(pages: Path, rounds: int) -> dict[str, Any]:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm not found (scripts/setup.sh node)")
    env = {**os.environ, "DOORSTEP_TABLET_PAGES": str(pages),
           "DOORSTEP_TABLET_ROUNDS": str(rounds), "NO_COLOR": "1", "FORCE_COLOR": "0"}
    done = subprocess.run([npm, "--prefix", str(REPO / "sync" / "client"), "run", "bench",
                           "--silent"], env=env, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if RESULT_MARK in line:
            result: dict[str, Any] = json.loads(line.split(RESULT_MARK, 1)[1])
            return result
    raise SystemExit(f"the Chromium run gave no result (exit {done.returncode}):\n"
                     f"{done.stdout[-3000:]}\n{done.stderr[-2000:]}")


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3, help="fresh-database syncs per side")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(_write_pages(args.cases, Path(args.out)))
        return
    with tempfile.TemporaryDirectory(prefix="doorstep-tablet-") as tmp:
        pages_file = Path(tmp) / "pages.json"
        _server_pages(args.cases, tmp, pages_file)
        print(f"{args.cases} cases pulled from the server in "
              f"{len(json.loads(pages_file.read_text()))} pages; Chromium run "
              f"(load average {_load()}, shared machine)", flush=True)
        r = _chromium_run(pages_file, args.rounds)
    client, bare = r["clientMedian"], r["bareMedian"]
    print(f"  sync client, pull + apply into IndexedDB: median {client:.2f} s over "
          f"{len(r['client'])} fresh databases ({', '.join(f'{s:.2f}' for s in r['client'])})")
    print(f"  bare IndexedDB puts of the same records:   median {bare:.2f} s "
          f"({', '.join(f'{s:.2f}' for s in r['bare'])}); client / bare = {client / bare:.1f}x")
    met = client <= GOAL_SECONDS and r["cases"] >= 10000
    print(f"goal tablet applies a 10,000-case initial sync into IndexedDB within "
          f"{GOAL_SECONDS:.0f} s (Chromium): {client:.2f} s for {r['cases']} cases "
          f"{'MET' if met else 'NOT MET'} (load average {_load()})")


if __name__ == "__main__":
    main()
