"""The chaos scenario shared by the chaos test and the scale-out test: devices syncing
through a faulty proxy while something (restarts) happens, then the checks."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tests.chaos.device import ChaosDevice, client


@dataclass
class ChaosReport:
    devices: int
    mutations: int
    pushes: int
    push_retries: int
    pull_retries: int
    duplicates: int


async def run_devices(
    proxy_url: str,
    usernames: list[str],
    mutations: int,
    batch: int,
    on_progress: Callable[[int], Awaitable[None]] | None = None,
) -> list[ChaosDevice]:
    """Runs the devices to the end; ``on_progress(pushes so far)`` may inject faults."""
    http = client(proxy_url)
    devices = [
        ChaosDevice(http, username, number, mutations, batch)
        for number, username in enumerate(usernames, 1)
    ]
    pushes = 0
    triggers: list[asyncio.Task[None]] = []

    def pushed() -> None:
        nonlocal pushes
        pushes += 1
        if on_progress is not None:
            triggers.append(asyncio.ensure_future(on_progress(pushes)))

    try:
        await asyncio.gather(*(device.run(pushed) for device in devices))
        await asyncio.gather(*triggers)
        for device in devices:  # everyone has pushed: a last pull converges every copy
            await device.pull()
    finally:
        await http.aclose()
    return devices


async def check_devices(direct_url: str, devices: list[ChaosDevice]) -> ChaosReport:
    """Exactly once, and every device's copy equals the server's (a fresh full sync)."""
    http = client(direct_url)
    try:
        for device in devices:
            device.http = http  # the proxy is gone: straight to the server
            assert len(device.applied) <= device.mutations
            assert await device.pull() == device.mutations, device.username
            fresh = ChaosDevice(http, device.username, 0, 0, 1, token=device.token)
            await fresh.pull()
            server = fresh.copy()
            assert device.copy() == server, f"{device.username}'s copy differs from the server"
            for case_id, expected in device.expected.items():
                version, data = server[("case", case_id)]
                assert (data["fields"].get("note"), version) == (expected.note, expected.version)
    finally:
        await http.aclose()
    return ChaosReport(
        devices=len(devices),
        mutations=sum(d.mutations for d in devices),
        pushes=sum(d.stats.pushes for d in devices),
        push_retries=sum(d.stats.push_retries for d in devices),
        pull_retries=sum(d.stats.pull_retries for d in devices),
        duplicates=sum(d.stats.duplicates for d in devices),
    )
