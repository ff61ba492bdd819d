"""The worker loop: claim due jobs, run their handlers, retry with backoff, record failures.

Embedded mode runs :func:`work_forever` as a task inside the app (``doorstep worker``
processes may read the same ``job`` table too), so jobs survive restarts and a crashed
worker's job is taken over when its lease ends. Every loop also looks for due periodic
housekeeping tasks now and then (``scheduler``: one runner per period overall). Distributed
mode hands ``doorstep worker`` to procrastinate (``distributed``), which runs the same
registered handlers and periodic tasks.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import time
import traceback
from datetime import UTC, datetime, timedelta
from typing import Any

from backend.jobs import cpu, queries, scheduler
from backend.jobs.backoff import retry_delay_seconds
from backend.jobs.registry import load_job_modules, spec_for
from backend.settings import get_settings

log = logging.getLogger("doorstep.jobs")
LEASE = timedelta(minutes=10)
IDLE_POLL_SECONDS = 1.0
SCHEDULE_POLL_SECONDS = 30.0
WORKER_NAME = f"{socket.gethostname()}:{os.getpid()}"


def _now() -> datetime:
    return datetime.now(UTC)


def _payload(raw: Any) -> dict[str, Any]:
    value = json.loads(raw) if isinstance(raw, str) else raw
    return value if isinstance(value, dict) else {}


async def run_one() -> bool:
    """Claims and runs one due job; returns False when none was due."""
    now = _now()
    for job_id in await queries.due_candidates(now, limit=5):
        claimed = await queries.try_claim(job_id, WORKER_NAME, now, now + LEASE)
        if claimed is not None:
            await _execute(claimed)
            return True
    return False


async def _execute(claimed: dict[str, Any]) -> None:
    job_id, name = claimed["id"], claimed["name"]
    spec = spec_for(name)
    if spec is None:
        await queries.mark_failed(job_id, _now(), f"no handler registered for {name!r}")
        return
    try:
        await spec.handler(_payload(claimed["payload"]))
    except Exception as error:  # every failure is recorded; nothing is lost silently
        detail = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=5)}"
        if claimed["attempts"] >= claimed["max_attempts"]:
            log.error("job %s %s failed for good: %s", name, job_id, error)
            await queries.mark_failed(job_id, _now(), detail)
        else:
            delay = retry_delay_seconds(claimed["attempts"], spec.backoff_seconds)
            await queries.mark_retry(job_id, _now() + timedelta(seconds=delay), detail)
        return
    await queries.mark_done(job_id, _now())


async def drain(max_jobs: int = 1000) -> int:
    """Runs due jobs until none is left (tests and the CLI use this)."""
    load_job_modules()
    count = 0
    while count < max_jobs and await run_one():
        count += 1
    return count


async def work_forever(
    stop: asyncio.Event,
    schedule_poll_seconds: float = SCHEDULE_POLL_SECONDS,
    worker_name: str = WORKER_NAME,
) -> None:
    load_job_modules()
    next_schedule_check = 0.0
    while not stop.is_set():
        try:
            if time.monotonic() >= next_schedule_check:
                next_schedule_check = time.monotonic() + schedule_poll_seconds
                await scheduler.run_due_tasks(worker_name)
            busy = await run_one()
        except Exception:  # a database hiccup must not end the worker
            log.exception("worker loop error; retrying")
            busy = False
        if not busy:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=IDLE_POLL_SECONDS)


async def run_worker(processes: int = 1) -> None:
    """``doorstep worker``: runs until interrupted."""
    from backend.db import lifecycle

    if not logging.getLogger().handlers:  # a process of its own: say what it does
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
    cpu.configure(processes)
    await lifecycle.open_pool()
    try:
        if get_settings().jobs == "distributed":
            from backend.jobs import distributed  # procrastinate handles SIGINT/SIGTERM

            await distributed.run_worker(processes, WORKER_NAME)
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signal_name in ("SIGINT", "SIGTERM"):
            loop.add_signal_handler(getattr(signal, signal_name), stop.set)
        log.info("worker %s started", WORKER_NAME)
        await asyncio.gather(*(work_forever(stop) for _ in range(processes)))
    finally:
        cpu.shutdown()
        await lifecycle.close_pool()
