"""Two ``doorstep worker`` processes on one database: each housekeeping task runs once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
from pathlib import Path

from backend.jobs.registry import load_job_modules
from backend.jobs.schedule import periodic_tasks
from backend.jobs.tables import ScheduledTask
from tests.support.server import REPO_ROOT, doorstep_command, server_env

WAIT_SECONDS = 120


async def test_two_worker_processes_run_each_housekeeping_task_once(tmp_path: Path) -> None:
    load_job_modules()
    names = {task.name for task in periodic_tasks() if not task.name.startswith("test.")}
    env = server_env(tmp_path / "data", os.environ["DOORSTEP_DATABASE_URL"])
    logs = [tmp_path / f"worker{n}.log" for n in (1, 2)]
    workers = []
    for log in logs:
        with log.open("wb") as output:
            workers.append(
                subprocess.Popen(  # noqa: ASYNC220  (started once, stopped below)
                    doorstep_command("worker"), cwd=REPO_ROOT, env=env, stdout=output,
                    stderr=subprocess.STDOUT,
                )
            )
    try:
        finished: list[dict[str, object]] = []
        for _ in range(WAIT_SECONDS * 2):
            rows = await ScheduledTask.select().where(ScheduledTask.name.is_in(list(names)))
            finished = [row for row in rows if row["last_finished_at"] is not None]
            if len(finished) == len(names):
                break
            assert all(w.poll() is None for w in workers), [log.read_text() for log in logs]
            await asyncio.sleep(0.5)
        assert {row["name"] for row in finished} == names, [log.read_text() for log in logs]
        # Both processes must be up (each polls the schedule as it starts), however slowly
        # the second one started on a loaded machine.
        for _ in range(WAIT_SECONDS * 2):
            started = "\n".join(log.read_text() for log in logs)
            if all(f":{w.pid} started" in started for w in workers):
                break
            assert all(w.poll() is None for w in workers), [log.read_text() for log in logs]
            await asyncio.sleep(0.5)
    finally:
        for process in workers:
            process.send_signal(signal.SIGTERM)
        for process in workers:
            process.wait(timeout=60)
    rows = await ScheduledTask.select().where(ScheduledTask.name.is_in(list(names)))
    assert {row["name"]: row["runs"] for row in rows} == dict.fromkeys(names, 1)
    assert all(row["locked_by"] is None for row in rows)
    # Both processes were up and polling; between them each task ran once.
    output = "\n".join(log.read_text() for log in logs)
    assert all(f":{process.pid} started" in output for process in workers), output
    assert sorted(
        name for name in names for line in output.splitlines() if f"periodic task {name}:" in line
    ) == sorted(names), output

