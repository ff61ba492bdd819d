"""Distributed mode on PostgreSQL: the registered jobs run on procrastinate."""

from __future__ import annotations

import asyncio
import contextlib
import os
from datetime import timedelta
from typing import Any

import pytest

from backend.jobs import distributed
from backend.jobs.queue import enqueue
from backend.jobs.registry import job
from backend.jobs.schedule import PeriodicTask, periodic
from backend.jobs.tables import Job
from tests.support.database import procrastinate_jobs

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres",
        reason="procrastinate needs PostgreSQL",
    ),
    pytest.mark.usefixtures("distributed_jobs"),
]

seen: list[dict[str, Any]] = []
runs_of_flaky: list[int] = []
ticks: list[int] = []


@job("test.distributed.record")
async def record(payload: dict[str, Any]) -> None:
    seen.append(payload)


@job("test.distributed.fails_twice", max_attempts=3, backoff_seconds=0.0)
async def fails_twice(payload: dict[str, Any]) -> None:
    runs_of_flaky.append(1)
    if len(runs_of_flaky) < 3:
        raise RuntimeError("push service unreachable")


@job("test.distributed.always_fails", max_attempts=2, backoff_seconds=0.0)
async def always_fails(payload: dict[str, Any]) -> None:
    runs_of_flaky.append(1)
    raise RuntimeError("push service unreachable")


@pytest.fixture(autouse=True)
def _forget_runs() -> None:
    seen.clear()
    runs_of_flaky.clear()


async def _statuses() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for task_name, status in await procrastinate_jobs():
        found.setdefault(task_name, []).append(status)
    return found


async def test_an_enqueued_job_runs_once_with_its_payload() -> None:
    await enqueue("test.distributed.record", {"documentId": "abc"})
    await distributed.drain()
    assert seen == [{"documentId": "abc"}]
    assert await _statuses() == {"test.distributed.record": ["succeeded"]}
    await distributed.drain()
    assert seen == [{"documentId": "abc"}]


async def test_a_job_enqueued_in_a_rolled_back_transaction_never_exists() -> None:
    with contextlib.suppress(RuntimeError):
        async with Job._meta.db.transaction():
            await enqueue("test.distributed.record", {"n": 1})
            raise RuntimeError("the cause was not saved")
    assert await _statuses() == {}


async def test_failures_are_retried_up_to_max_attempts_then_recorded() -> None:
    await enqueue("test.distributed.fails_twice", {})
    await distributed.drain()
    assert len(runs_of_flaky) == 3
    assert await _statuses() == {"test.distributed.fails_twice": ["succeeded"]}

    runs_of_flaky.clear()
    await enqueue("test.distributed.always_fails", {})
    await distributed.drain()
    assert len(runs_of_flaky) == 2
    assert (await _statuses())["test.distributed.always_fails"] == ["failed"]


async def test_a_later_run_waits_and_a_dedupe_key_queues_once() -> None:
    await enqueue("test.distributed.record", {"n": 1}, delay_seconds=3600)
    first = await enqueue("test.distributed.record", {"n": 2}, dedupe_key="doc:1")
    second = await enqueue("test.distributed.record", {"n": 3}, dedupe_key="doc:1")
    assert first is not None
    assert second is None
    await distributed.drain()
    assert seen == [{"n": 2}]
    # Once it ran, the key may be queued again.
    assert await enqueue("test.distributed.record", {"n": 4}, dedupe_key="doc:1") is not None


async def test_two_workers_run_each_periodic_tick_once() -> None:
    ticks.clear()
    three_ticks = asyncio.Event()

    async def tick(now: Any) -> str:
        ticks.append(int(now.timestamp()))
        if len(ticks) >= 3:
            three_ticks.set()
        return "ticked"

    task = PeriodicTask("test.distributed.tick", tick, timedelta(seconds=1))
    periodic(task.name, every=task.every)(tick)
    apps = [distributed.build_app() for _ in range(2)]
    try:
        async with contextlib.AsyncExitStack() as stack:
            for app in apps:
                await stack.enter_async_context(app.open_async())
            workers = [
                asyncio.create_task(
                    app.run_worker_async(
                        queues=[distributed.QUEUE], install_signal_handlers=False,
                        fetch_job_polling_interval=0.2,
                    )
                )
                for app in apps
            ]
            # Until the third tick, however slow the machine (the bound only turns a
            # scheduler that stopped ticking into a failure instead of a hang).
            await asyncio.wait_for(three_ticks.wait(), timeout=120)
            for worker_task in workers:
                worker_task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
    finally:
        from backend.jobs import schedule

        schedule._tasks.pop(task.name, None)
    assert len(ticks) >= 3, ticks
    assert len(ticks) == len(set(ticks)), ticks
