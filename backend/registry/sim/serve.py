"""Running the simulator: uvicorn on the given address; optionally ends with its parent
(``doorstep serve --demo`` starts it beside the app)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from backend.registry.sim.app import build_app
from backend.registry.sim.behaviour import load


async def _watch_parent(parent: int) -> None:
    while True:
        await asyncio.sleep(1.0)
        if os.getppid() != parent:
            break
    os.kill(os.getpid(), signal.SIGTERM)


def run(
    host: str,
    port: int,
    data: Path | None,
    *,
    latency_ms: int | None = None,
    error_rate: float | None = None,
    outages: dict[str, float] | None = None,
    seed: int | None = None,
    exit_with_parent: bool = False,
) -> None:
    import uvicorn

    registry = load(data, seed, time.monotonic())
    change: dict[str, object] = {}
    if latency_ms is not None:
        change["latencyMs"] = latency_ms
    if error_rate is not None:
        change["errorRate"] = error_rate
    if outages:
        change["outages"] = outages
    registry.behaviour.configure(change, time.monotonic())
    parent = os.getppid()
    tasks: set[asyncio.Task[None]] = set()

    def watch() -> None:
        tasks.add(asyncio.get_running_loop().create_task(_watch_parent(parent)))

    app = build_app(registry, on_startup=[watch] if exit_with_parent else None)
    print(f"registry-sim on http://{host}:{port} ({len(registry.people)} people)", flush=True)
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=1)
