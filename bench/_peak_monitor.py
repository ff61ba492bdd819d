"""What the month-end load test (bench/peak.py) samples every few seconds: the OCR backlog in
procrastinate's queue and the resident memory of the app and worker process trees."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

from sync.changelog.piccolo_storage import CHANGE_LOG_LOCK

OCR_TASK = "documents.process"
# Every PostgreSQL write to the change log takes one advisory lock (sync.changelog): the
# transactions queued behind it show whether writes serialise there.
LOCK_WAITERS_SQL = """SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
AND classid = 0 AND objid = $1 AND database = (
  SELECT oid FROM pg_database WHERE datname = current_database())"""
BACKLOG_SQL = """SELECT status::text AS status, count(*) AS n FROM procrastinate_jobs
WHERE task_name = $1 GROUP BY status"""


@dataclass
class Sample:
    at: float  # seconds since the start of the load
    todo: int  # OCR jobs waiting
    doing: int  # OCR jobs running
    done: int  # OCR jobs finished (succeeded or failed for good)
    app_rss_mb: float
    worker_rss_mb: float
    app_cpu_s: float  # CPU seconds used so far by the app's process tree (user + system)
    worker_cpu_s: float
    load: float  # the machine's 1-minute load average (other agents share it)
    lock_waiters: int  # transactions waiting for the change log's advisory lock


@dataclass
class Monitor:
    dsn: str
    app_pids: list[int]
    worker_pids: list[int]
    every: float = 3.0
    samples: list[Sample] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    async def run(self, stop: asyncio.Event) -> None:
        connection = await asyncpg.connect(self.dsn)
        try:
            while not stop.is_set():
                await self.sample(connection)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.every)
        finally:
            await connection.close()

    async def sample(self, connection: asyncpg.Connection) -> Sample:
        counts = {row["status"]: int(row["n"]) for row in
                  await connection.fetch(BACKLOG_SQL, OCR_TASK)}
        sample = Sample(
            at=time.monotonic() - self.started,
            todo=counts.get("todo", 0),
            doing=counts.get("doing", 0),
            done=sum(counts.get(s, 0) for s in ("succeeded", "failed", "aborted", "cancelled")),
            app_rss_mb=sum(tree_rss_mb(pid) for pid in self.app_pids),
            worker_rss_mb=sum(tree_rss_mb(pid) for pid in self.worker_pids),
            app_cpu_s=sum(tree_cpu_seconds(pid) for pid in self.app_pids),
            worker_cpu_s=sum(tree_cpu_seconds(pid) for pid in self.worker_pids),
            load=os.getloadavg()[0],
            lock_waiters=int(await connection.fetchval(LOCK_WAITERS_SQL, CHANGE_LOG_LOCK)),
        )
        self.samples.append(sample)
        return sample


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending += _children(current)
    return found


def _cpu_ticks(pid: int) -> int:
    """utime + stime of a live process, plus what its waited-for children used."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return sum(int(value) for value in fields[11:15])


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process tree: unlike wall-clock latency, it hardly depends on what else
    the machine runs, so per-call and per-document costs can be compared across runs."""
    return sum(_cpu_ticks(p) for p in _descendants(pid)) / os.sysconf("SC_CLK_TCK")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (uvicorn's workers, the OCR
    process pool), in MiB. Shared pages are counted in each process, as ``ps`` does."""
    return sum(_rss_kb(p) for p in _descendants(pid)) / 1024


# Exact row counts through query_to_xml: the table name is quoted by format(%I) in SQL.
SIZE_SQL = """SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes,
  (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname),
   false, true, '')))[1]::text::bigint AS rows
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY bytes DESC LIMIT $1"""


async def table_sizes(dsn: str, largest: int = 12) -> list[tuple[str, int, int]]:
    """(table, rows, bytes with indexes and TOAST) of the largest tables after the run: what
    a case, a change-log row, an audit entry cost on disk (docs/scaling.md sizes from it)."""
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch(SIZE_SQL, largest)
        return [(row["name"], int(row["rows"]), int(row["bytes"])) for row in rows]
    finally:
        await connection.close()
