"""``doorstep registry-sim``: the external registries as a separate HTTP service speaking the
registry contract v1 (docs/registry-contract.md), for the demo, the tests and a centre's
integration testing. Latency, random errors, outages and faults are configurable at start
(data file, options) and at run time (``POST /_sim/config``)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from litestar import Litestar, Request, Response, get, post

from backend.registry.contract import CONTRACT_VERSION
from backend.registry.sim.behaviour import Registry
from backend.registry.sources import Source

_BY_PATH = {source.path: source for source in Source}
TIMEOUT_HANG_SECONDS = 30.0


def _error(status: int, code: str, message: str) -> Response[Any]:
    body = {"contractVersion": CONTRACT_VERSION, "error": {"code": code, "message": message}}
    return Response(body, status_code=status)


def build_app(registry: Registry, on_startup: list[Any] | None = None) -> Litestar:
    behaviour = registry.behaviour

    @get("/v1/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "contractVersion": CONTRACT_VERSION}

    @post("/v1/{source_path:str}/query", status_code=200)
    async def query(source_path: str, request: Request[Any, Any, Any]) -> Response[Any]:
        source = _BY_PATH.get(source_path)
        if source is None:
            return _error(404, "UNKNOWN_SOURCE", f"no source {source_path}")
        behaviour.calls[str(source)] = behaviour.calls.get(str(source), 0) + 1
        if behaviour.latency_ms:
            await asyncio.sleep(behaviour.latency_ms / 1000)
        if behaviour.is_down(source, time.monotonic()):
            return _error(503, "UNAVAILABLE", "registry under maintenance")
        fault = behaviour.fault_for(source)
        if fault == "timeout":
            await asyncio.sleep(TIMEOUT_HANG_SECONDS)
        if fault == "http_500":
            return _error(500, "INTERNAL", "simulated failure")
        if fault == "malformed":
            return Response('{"contractVersion": "1", "records": [', media_type="application/json")
        if registry.fails_randomly():
            return _error(503, "UNAVAILABLE", "simulated random failure")
        try:
            body = await request.json()
        except Exception:  # any undecodable body is the caller's error
            body = None
        answer = registry.answer(source, body, datetime.now(UTC).isoformat())
        if answer is None:
            return _error(400, "BAD_REQUEST", "the request does not fit contract v1")
        return Response(answer)

    @post("/_sim/config", status_code=200)
    async def configure(data: dict[str, Any]) -> dict[str, Any]:
        behaviour.configure(data, time.monotonic())
        return behaviour.snapshot(time.monotonic())

    @get("/_sim/config")
    async def current() -> dict[str, Any]:
        return behaviour.snapshot(time.monotonic())

    return Litestar(
        route_handlers=[health, query, configure, current], on_startup=on_startup, debug=False
    )
