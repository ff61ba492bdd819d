"""Embedded mode: the app runs the worker loop itself, so the demo needs no extra process."""

from __future__ import annotations

import asyncio
import contextlib

from litestar import Litestar

from backend.jobs import cpu
from backend.jobs.worker import work_forever
from backend.settings import get_settings


async def start(app: Litestar) -> None:
    settings = get_settings()
    if settings.jobs != "embedded" or settings.embedded_workers == 0:
        return
    cpu.configure(settings.embedded_workers)
    stop = asyncio.Event()
    app.state.jobs_stop = stop
    app.state.jobs_tasks = [
        asyncio.create_task(work_forever(stop)) for _ in range(settings.embedded_workers)
    ]


async def stop(app: Litestar) -> None:
    stop_event: asyncio.Event | None = getattr(app.state, "jobs_stop", None)
    if stop_event is None:
        return
    stop_event.set()
    for task in app.state.jobs_tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)
    cpu.shutdown()
