"""The baseline of bench/load.py: a bare Litestar JSON handler, served the same way."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, post


@post("/graphql", sync_to_thread=False, status_code=200)
def echo(data: dict[str, Any]) -> dict[str, Any]:
    return {"data": {"ok": True, "size": len(data)}}


app = Litestar(route_handlers=[echo])
