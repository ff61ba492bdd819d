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

OCR_TASK = "documents.process"
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
    load: float  # the machine's 1-minute load average (other agents share it)


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
            load=os.getloadavg()[0],
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


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (uvicorn's workers, the OCR
    process pool), in MiB. Shared pages are counted in each process, as ``ps`` does."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _rss_kb(current)
        pending += _children(current)
    return total / 1024
