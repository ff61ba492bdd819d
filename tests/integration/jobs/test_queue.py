from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from backend.jobs import queries, worker
from backend.jobs.queue import enqueue
from backend.jobs.registry import job
from backend.jobs.tables import Job

seen: list[dict[str, Any]] = []
attempts_of_flaky: list[int] = []


@job("test.record")
async def record(payload: dict[str, Any]) -> None:
    seen.append(payload)


@job("test.always_fails", max_attempts=3, backoff_seconds=0.0)
async def always_fails(payload: dict[str, Any]) -> None:
    attempts_of_flaky.append(1)
    raise RuntimeError("push service unreachable")


async def test_an_enqueued_job_runs_once_with_its_payload() -> None:
    seen.clear()
    await enqueue("test.record", {"documentId": "abc"})
    assert await worker.drain() == 1
    assert seen == [{"documentId": "abc"}]
    assert await worker.drain() == 0


async def test_a_failing_job_is_retried_then_recorded_as_failed() -> None:
    attempts_of_flaky.clear()
    job_id = await enqueue("test.always_fails", {})
    assert job_id is not None
    await worker.drain()
    row = await queries.by_id(job_id)
    assert row is not None
    assert len(attempts_of_flaky) == 3
    assert row["status"] == "failed"
    assert "push service unreachable" in row["last_error"]


async def test_a_later_run_at_waits() -> None:
    seen.clear()
    await enqueue("test.record", {"n": 1}, delay_seconds=3600)
    assert await worker.drain() == 0
    assert seen == []


async def test_dedupe_key_keeps_one_pending_job() -> None:
    first = await enqueue("test.record", {}, dedupe_key="doc:1")
    second = await enqueue("test.record", {}, dedupe_key="doc:1")
    assert first is not None
    assert second is None


async def test_a_crashed_workers_job_is_taken_over_after_its_lease() -> None:
    seen.clear()
    job_id = await enqueue("test.record", {"n": 2})
    assert job_id is not None
    now = datetime.now(UTC)
    # The dead worker's lease has already run out.
    claimed = await queries.try_claim(job_id, "dead-worker", now, now - timedelta(minutes=1))
    assert claimed is not None
    assert await worker.drain() == 1
    assert seen == [{"n": 2}]


async def test_concurrent_workers_never_run_the_same_job_twice() -> None:
    seen.clear()
    for n in range(20):
        await enqueue("test.record", {"n": n})
    await asyncio.gather(*(worker.drain() for _ in range(4)))
    assert sorted(item["n"] for item in seen) == list(range(20))
    assert await Job.count().where(Job.status == "done") == 20
