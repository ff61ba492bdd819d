"""Upload tests: a tus caller over the in-process app, and an empty blob store per test."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.app import create_app
from backend.db import lifecycle
from backend.settings import get_settings
from backend.uploads.tables import Blob, PartialUpload
from tests.integration.conftest import GraphQL

OFFSET_STREAM = "application/offset+octet-stream"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def metadata(**pairs: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


class Tus:
    """A minimal tus client speaking to the app, so each protocol step can be checked."""

    def __init__(self, client: AsyncTestClient[Any], token: str | None) -> None:
        self.client = client
        self.token = token

    def headers(self, token: str | None = None, **extra: str) -> dict[str, str]:
        headers = {"Tus-Resumable": "1.0.0", **extra}
        if token or self.token:
            headers["Authorization"] = f"Bearer {token or self.token}"
        return headers

    async def create(
        self,
        data: bytes,
        *,
        sha: str | None = None,
        filename: str = "photo.jpg",
        length: int | None = None,
        token: str | None = None,
    ) -> Any:
        meta = metadata(sha256=sha or sha256(data), filename=filename)
        return await self.client.post(
            "/uploads/",
            headers=self.headers(
                token,
                **{"Upload-Length": str(len(data) if length is None else length)},
                **{"Upload-Metadata": meta},
            ),
        )

    async def patch(self, location: str, offset: int, body: bytes, token: str | None = None) -> Any:
        headers = self.headers(
            token, **{"Upload-Offset": str(offset), "Content-Type": OFFSET_STREAM}
        )
        return await self.client.patch(location, headers=headers, content=body)

    async def head(self, location: str, token: str | None = None) -> Any:
        return await self.client.head(location, headers=self.headers(token))

    async def upload(self, data: bytes, chunk: int | None = None, **create: Any) -> Any:
        """Creates and sends the whole file; returns the last response."""
        created = await self.create(data, **create)
        assert created.status_code == 201, created.text
        location = created.headers["location"]
        offset = int(created.headers["upload-offset"])
        response = created
        while offset < len(data):
            end = len(data) if chunk is None else min(len(data), offset + chunk)
            response = await self.patch(location, offset, data[offset:end])
            if response.status_code != 204:
                return response
            offset = int(response.headers["upload-offset"])
        return response


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    """The app without its PostgreSQL connection pool. The test client runs the app on an
    event loop of its own (a thread), while these tests also query the database from the
    test's loop; asyncpg connections must never cross loops (it crashes the process).
    Without the pool Piccolo opens a connection per query on whichever loop asks."""
    app = create_app()
    app.on_startup.remove(lifecycle.open_pool)
    app.on_shutdown.remove(lifecycle.close_pool)
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def empty_blob_store() -> None:
    shutil.rmtree(get_settings().uploads_dir, ignore_errors=True)


@pytest.fixture
async def tus(demo: None, client: AsyncTestClient[Any], gql: GraphQL) -> Tus:
    return Tus(client, await gql.login("staff1"))


def stored_files() -> list[Path]:
    root = get_settings().uploads_dir
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


async def nothing_stored() -> bool:
    """No blob, no partial: neither rows nor files."""
    return not stored_files() and await Blob.count() == 0 and await PartialUpload.count() == 0
