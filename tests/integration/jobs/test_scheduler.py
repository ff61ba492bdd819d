"""Periodic housekeeping: every task runs once per period, however many worker loops ask."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from backend.jobs import queries, scheduler, worker
from backend.jobs.schedule import PeriodicTask, periodic, periodic_tasks

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
runs: dict[str, list[datetime]] = {}
ticks: list[datetime] = []
# Set by the test that runs the worker loops: they stop once test.tick ran twice.
stop_after_two_ticks: asyncio.Event | None = None


def counting(name: str, every: timedelta) -> PeriodicTask:
    async def run(now: datetime) -> str:
        runs.setdefault(name, []).append(now)
        await asyncio.sleep(0.01)  # let the other claimer interleave
        return "ok"

    return PeriodicTask(name, run, every)


@periodic("test.tick", every=timedelta(seconds=1))
async def tick(now: datetime) -> str:
    ticks.append(now)
    if len(ticks) >= 2 and stop_after_two_ticks is not None:
        stop_after_two_ticks.set()
    return "tick"


async def test_two_claimers_at_the_same_moment_run_each_task_once() -> None:
    runs.clear()
    tasks = [counting("test.hourly", timedelta(hours=1)), counting("test.daily", timedelta(days=1))]

    first, second = await asyncio.gather(
        scheduler.run_due_tasks("worker-a", T0, tasks),
        scheduler.run_due_tasks("worker-b", T0, tasks),
    )
    assert sorted(first + second) == ["test.daily", "test.hourly"]
    assert runs == {"test.hourly": [T0], "test.daily": [T0]}

    # Half a period later nothing is due; a period later only the hourly one.
    half = T0 + timedelta(minutes=30)
    first, second = await asyncio.gather(
        scheduler.run_due_tasks("worker-a", half, tasks),
        scheduler.run_due_tasks("worker-b", half, tasks),
    )
    assert first + second == []
    later = T0 + timedelta(hours=1)
    first, second = await asyncio.gather(
        scheduler.run_due_tasks("worker-b", later, tasks),
        scheduler.run_due_tasks("worker-a", later, tasks),
    )
    assert first + second == ["test.hourly"]
    assert runs == {"test.hourly": [T0, later], "test.daily": [T0]}
    row = await queries.scheduled("test.hourly")
    assert row is not None
    assert (row["runs"], row["locked_by"], row["last_result"]) == (2, None, "ok")


async def test_a_failing_task_is_recorded_and_due_again_next_period() -> None:
    calls: list[datetime] = []

    async def broken(now: datetime) -> str:
        calls.append(now)
        raise RuntimeError("disk full")

    task = PeriodicTask("test.broken", broken, timedelta(minutes=5))
    assert await scheduler.run_due_tasks("w", T0, [task]) == ["test.broken"]
    row = await queries.scheduled("test.broken")
    assert row is not None
    assert "disk full" in row["last_result"]
    assert await scheduler.run_due_tasks("w", T0 + timedelta(minutes=1), [task]) == []
    assert await scheduler.run_due_tasks("w", T0 + timedelta(minutes=5), [task]) == ["test.broken"]
    assert len(calls) == 2


async def test_a_crashed_runners_lease_blocks_others_until_it_ends() -> None:
    task = counting("test.leased", timedelta(minutes=1))
    runs.clear()
    await queries.ensure_scheduled(task.name, T0)
    # A runner claimed it and died without finishing: its lease holds for LEASE.
    assert await queries.try_claim_scheduled(
        task.name, "dead", T0, T0 + task.every, T0 + scheduler.LEASE
    )
    assert await scheduler.run_due_tasks("alive", T0 + timedelta(minutes=2), [task]) == []
    after_lease = T0 + scheduler.LEASE + timedelta(seconds=1)
    assert await scheduler.run_due_tasks("alive", after_lease, [task]) == ["test.leased"]


async def test_two_worker_loops_run_every_housekeeping_task_once_per_period() -> None:
    global stop_after_two_ticks
    ticks.clear()
    stop = stop_after_two_ticks = asyncio.Event()
    loops = [
        asyncio.create_task(
            worker.work_forever(stop, schedule_poll_seconds=0.05, worker_name=f"loop-{n}")
        )
        for n in (1, 2)
    ]
    try:
        # The loops run until the second tick, however slow the machine; the bound only
        # turns a scheduler that never ticks again into a failure instead of a hang.
        await asyncio.wait_for(asyncio.gather(*loops), timeout=120)
    finally:
        stop_after_two_ticks = None

    # test.tick (every second) ran twice, by either loop, never twice within one second.
    assert len(ticks) == 2, ticks
    assert ticks[1] - ticks[0] >= timedelta(seconds=1), ticks
    # The real housekeeping tasks (periods of minutes to a day) ran once, by one loop.
    housekeeping = [t.name for t in periodic_tasks() if not t.name.startswith("test.")]
    assert {"jobs.delete_finished", "uploads.expire_partials", "sync.compact_log"} <= set(
        housekeeping
    )
    for name in housekeeping:
        row = await queries.scheduled(name)
        assert row is not None, name
        assert row["runs"] == 1, name
        assert row["locked_by"] is None, name
        assert not row["last_result"].startswith("failed"), row
