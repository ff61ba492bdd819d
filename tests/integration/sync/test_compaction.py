"""Scheduled change-log compaction keeps pulls correct: a device whose cursor was compacted
away is reset and gets a full snapshot of current state; a device that synced within the
retention carries on from the log; the newest change always stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.jobs import scheduler
from backend.jobs.registry import load_job_modules
from backend.jobs.schedule import PeriodicTask, periodic_tasks
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.tables import SyncChange
from sync.compaction import LOG_RETENTION
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")


def compaction_task() -> PeriodicTask:
    load_job_modules()
    [task] = [task for task in periodic_tasks() if task.name == "sync.compact_log"]
    return task


def state(device: Device) -> dict[tuple[str, str], tuple[int, Any]]:
    return {key: (change["version"], change["data"]) for key, change in device.entities.items()}


async def test_compaction_resets_an_old_cursor_to_a_full_snapshot_and_spares_a_recent_one(
    gql: GraphQL,
) -> None:
    token = await gql.login("staff1")
    old, recent, writer = Device(gql, token), Device(gql, token), Device(gql, token)
    await old.sync()
    case_id, other_id = new_id(), new_id()
    await writer.push(
        writer.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}),
        writer.mutation("updateCase", {"id": case_id, "fields": {"name": "张伟"}}),
        writer.mutation("createCase", {"id": other_id, "kind": "withdrawal", "fields": {}}),
        writer.mutation("updateCase", {"id": case_id, "fields": {"name": "张伟明"}}),
    )
    await recent.sync()
    logged = await SyncChange.count()
    assert logged >= 4

    # Within the retention nothing goes.
    task = compaction_task()
    now = datetime.now(UTC)
    assert await scheduler.run_due_tasks("worker-a", now, [task]) == [task.name]
    assert await SyncChange.count() == logged
    # Past it, everything but the newest change goes (on the next period's run).
    later = now + LOG_RETENTION + timedelta(days=1)
    assert await scheduler.run_due_tasks("worker-b", later, [task]) == [task.name]
    info = await get_storage().log_info()
    assert await SyncChange.count() == 1
    assert info.floor == info.head - 1

    # The old device's cursor is below the floor: reset, then a full snapshot.
    first = await old.pull_page(old.cursor)
    assert first["reset"] is True
    await old.sync()
    fresh = Device(gql, token)
    await fresh.sync()
    assert state(old) == state(fresh)
    assert old.entities[("case", case_id)]["data"]["fields"]["name"] == "张伟明"
    assert ("case", other_id) in old.entities

    # The recent device had pulled to the head: no reset, nothing new.
    page = await recent.pull_page(recent.cursor)
    assert (page["reset"], page["changes"]) == (False, [])

    # Later changes reach both through the log.
    await writer.push(writer.mutation("updateCase", {"id": case_id, "fields": {"note": "补件"}}))
    for device in (old, recent):
        page = await device.pull_page(device.cursor)
        assert page["reset"] is False
        assert [(c["entity"], c["id"]) for c in page["changes"]] == [("case", case_id)]
        assert page["changes"][0]["data"]["fields"]["note"] == "补件"
