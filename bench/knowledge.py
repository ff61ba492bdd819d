"""Knowledge-base search benchmark: p95 latency over 5,000 generated articles on SQLite,
on PostgreSQL and in the PWA's offline index, each beside a baseline measured in the same
run on the same data (a full LIKE / substring scan for the query's first word, what a
search without an index has to do before it can rank).

    .venv/bin/python -m bench knowledge [--articles=5000] [--rounds=10]
                                        [--engines=sqlite,postgres,pwa]

Goals: server side p95 ≤ 20 ms (service.search: segmentation, full-text query, snippets),
PWA p95 ≤ 50 ms. PostgreSQL: a fresh database on $DOORSTEP_BENCH_PG (default
postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES = [
    "租房提取需要什么材料",
    "退休了怎么取公积金",
    "公积金贷款额度",
    "离退休销户",
    "大病医疗提取",
    "上门核查流程",
    "异地转移接续",
    "借款合同大写金额",
    "无房证明有效期",
    "代理人授权委托书",
    "等额本息",
    "缴存基数调整",
    "买房",
    "去世 继承人",
    "12329",
    "提前还款",
]
CATEGORIES = ["缴存", "提取", "贷款", "转移", "其他"]
TOPICS = ["租房提取", "购房提取", "退休销户", "贷款额度", "还款方式", "异地转移", "单位开户",
          "缴存基数", "大病医疗", "上门核查", "代理人", "婚姻状况", "无房证明", "提前还款"]
RESULT_MARK = "BENCH-RESULT "


def _sentences() -> list[str]:
    from backend.knowledge.seed import seed_articles
    from backend.knowledge.snippets import plain_text

    pool: list[str] = []
    for _, content in seed_articles():
        pool.extend(s for s in re.split(r"(?<=[。；！？])", plain_text(content.body)) if len(s) > 6)
    return pool


def generate(count: int) -> list[dict[str, Any]]:
    """Deterministic articles stitched from the seed articles' sentences."""
    rng = random.Random(2026)
    pool = _sentences()
    articles = []
    for number in range(count):
        topic = rng.choice(TOPICS)
        body = "".join(rng.choice(pool) for _ in range(rng.randint(4, 12)))
        articles.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "slug": f"bench-{number:05d}",
                "title": f"{topic}问答第 {number} 号：{rng.choice(pool)[:14]}",
                "body": body,
                "category": rng.choice(CATEGORIES),
                "tags": rng.sample(TOPICS, 2),
                "version": 1,
                "effectiveDate": "2026-01-01",
            }
        )
    return articles


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# --- one engine, in its own process (the engine is chosen when backend is imported) ------


async def _child(data: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    from backend.accounts.models import UserRecord
    from backend.accounts.roles import Role
    from backend.db import lifecycle
    from backend.knowledge import rules, search_queries, service
    from backend.knowledge.query_plan import plan_query
    from backend.knowledge.segmentation import warm_up

    await lifecycle.migrate()
    warm_up()
    admin = UserRecord(uuid.uuid4(), "bench", "bench", Role.ADMIN, None, None, True, 0)
    started = time.perf_counter()
    for start in range(0, len(data), 500):
        batch = [
            (a["slug"], rules.article_content(
                title=a["title"], body=a["body"], category=a["category"], tags=a["tags"],
                policy_refs=[], effective_date=date.fromisoformat(a["effectiveDate"])))
            for a in data[start : start + 500]
        ]
        await service.load_articles(admin, batch)
    load_seconds = time.perf_counter() - started
    await lifecycle.open_pool()
    try:
        for query in QUERIES:  # warm up caches and connections
            await service.search(query, 10)
        search_ms: list[float] = []
        cpu_ms: list[float] = []
        baseline_ms: list[float] = []
        hits: list[int] = []
        for _ in range(rounds):
            for query in QUERIES:
                started, cpu_started = time.perf_counter(), time.process_time()
                found = await service.search(query, 10)
                search_ms.append((time.perf_counter() - started) * 1000)
                cpu_ms.append((time.process_time() - cpu_started) * 1000)
                hits.append(len(found))
                word = plan_query(query).groups[0][0][0]
                started = time.perf_counter()
                await search_queries.like_scan(word)
                baseline_ms.append((time.perf_counter() - started) * 1000)
    finally:
        await lifecycle.close_pool()
    return {
        "articles": len(data),
        "searches": len(search_ms),
        "loadSeconds": load_seconds,
        "p50": statistics.median(search_ms),
        "p95": percentile(search_ms, 95),
        "cpuP95": percentile(cpu_ms, 95),
        "baselineP50": statistics.median(baseline_ms),
        "baselineP95": percentile(baseline_ms, 95),
        "meanHits": statistics.mean(hits),
    }


def run_engine(engine: str, articles_path: Path, rounds: int, workdir: Path) -> dict[str, Any]:
    env = {**os.environ, "DOORSTEP_MODE": "demo", "DOORSTEP_DATA_DIR": str(workdir / engine)}
    database = None
    if engine == "postgres":
        server = os.environ.get("DOORSTEP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
        database = f"doorstep_bench_{os.getpid()}"
        _pg(server, f'CREATE DATABASE "{database}"')
        env["DOORSTEP_DATABASE_URL"] = server.rsplit("/", 1)[0] + "/" + database
    else:
        env["DOORSTEP_DATABASE_URL"] = f"sqlite:///{workdir / engine / 'bench.sqlite3'}"
    try:
        output = subprocess.run(
            [sys.executable, "-m", "bench.knowledge", "--child", str(articles_path),
             "--rounds", str(rounds)],
            cwd=REPO, env=env, capture_output=True, text=True, check=True,
        ).stdout
    except subprocess.CalledProcessError as error:
        sys.exit(f"{engine} benchmark failed:\n{error.stderr[-3000:]}")
    finally:
        if database:
            _pg(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    line = next(x for x in reversed(output.splitlines()) if x.startswith(RESULT_MARK))
    result: dict[str, Any] = json.loads(line.removeprefix(RESULT_MARK))
    return result


def _pg(server: str, sql: str) -> None:
    import asyncpg

    async def run() -> None:
        connection = await asyncpg.connect(server)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run())


def run_pwa(articles_path: Path, queries_path: Path, rounds: int, workdir: Path) -> dict[str, Any]:
    pwa = REPO / "pwa"
    bundle = workdir / "pwa-bench.mjs"
    subprocess.run(
        [str(pwa / "node_modules" / ".bin" / "rolldown"), "src/knowledge/bench/run.mjs",
         "--platform", "node", "--format", "esm", "--file", str(bundle)],
        cwd=pwa, check=True, capture_output=True,
    )
    output = subprocess.run(
        ["node", str(bundle), str(articles_path), str(queries_path), str(rounds)],
        check=True, capture_output=True, text=True,
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def report(name: str, goal_ms: float, r: dict[str, Any]) -> None:
    ratio = r["p95"] / r["baselineP95"] if r["baselineP95"] else float("nan")
    verdict = "ok" if r["p95"] <= goal_ms else "OVER GOAL"
    # PostgreSQL works in its own server process: only the client's share is counted there.
    cpu_note = " (client side only)" if name == "postgres" else ""
    print(
        f"{name:<10} search p50 {r['p50']:7.2f} ms  p95 {r['p95']:7.2f} ms (goal ≤ {goal_ms:.0f}: "
        f"{verdict})  | baseline p50 {r['baselineP50']:7.2f} ms  p95 {r['baselineP95']:7.2f} ms"
        f"  | p95 ratio search/baseline {ratio:5.2f}  | CPU p95 {r['cpuP95']:6.2f} ms{cpu_note}"
    )


def _load() -> str:
    """The machine's load: other work on its cores shows in the wall-clock figures."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--engines", default="sqlite,postgres,pwa")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        data = json.loads(options.child.read_text(encoding="utf-8"))
        result = asyncio.run(_child(data, options.rounds))
        print(RESULT_MARK + json.dumps(result), flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-kb-") as temp:
        workdir = Path(temp)
        articles_path = workdir / "articles.json"
        queries_path = workdir / "queries.json"
        articles_path.write_text(json.dumps(generate(options.articles), ensure_ascii=False))
        queries_path.write_text(json.dumps(QUERIES, ensure_ascii=False))
        print(f"knowledge search: {options.articles} generated articles, {len(QUERIES)} queries "
              f"× {options.rounds} rounds; baseline = full LIKE/substring scan for the first word")
        print(f"load average at start (1, 5, 15 min): {_load()}")
        for engine in options.engines.split(","):
            if engine == "pwa":
                result = run_pwa(articles_path, queries_path, options.rounds, workdir)
                report("pwa", 50, result)
                print(f"{'':<10} index built in {result['buildMs']:.0f} ms")
            else:
                result = run_engine(engine, articles_path, options.rounds, workdir)
                report(engine, 20, result)
                print(f"{'':<10} loaded in {result['loadSeconds']:.1f} s; "
                      f"mean hits per query {result['meanHits']:.1f}")
        print(f"load average at end (1, 5, 15 min): {_load()}")


if __name__ == "__main__":
    main()
