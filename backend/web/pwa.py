"""Serves the built PWA: hashed assets cached for a year, the shell and service worker never."""

from __future__ import annotations

from pathlib import Path

from litestar import get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import File, Response

from backend.settings import get_settings

NOT_BUILT = (
    "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>门户未构建</title>"
    "<p>前端尚未构建。请运行 <code>just serve</code>（或 <code>just pwa</code>）。</p></html>"
)
NO_CACHE = {"Cache-Control": "no-cache"}
IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}


def _resolve(dist: Path, path: str) -> Path | None:
    candidate = (dist / path.lstrip("/")).resolve()
    if not candidate.is_relative_to(dist.resolve()) or not candidate.is_file():
        return None
    return candidate


@get(["/", "/{path:path}"], include_in_schema=False, cache=False)
async def pwa(path: FromPath[str] = "") -> File | Response[str]:
    dist = get_settings().pwa_dist
    index = dist / "index.html"
    if not index.is_file():
        return Response(NOT_BUILT, media_type="text/html", status_code=503)
    found = _resolve(dist, path) if path else None
    if found is not None:
        headers = IMMUTABLE if found.parent.name == "assets" else NO_CACHE
        return File(found, filename=found.name, headers=headers, content_disposition_type="inline")
    if Path(path).suffix and not path.endswith(".html"):
        raise NotFoundException()  # a missing asset, not a client-side route
    return File(index, filename="index.html", headers=NO_CACHE, content_disposition_type="inline")
