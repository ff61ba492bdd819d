"""The app in the test's process (Litestar's test client), for tests that upload and read
documents."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar.testing import AsyncTestClient

from backend.app import create_app
from backend.db import lifecycle
from backend.settings import get_settings


@asynccontextmanager
async def app_reading_documents(*, empty_store: bool = True) -> AsyncIterator[AsyncTestClient[Any]]:
    """The app without its PostgreSQL pool (the OCR pool stays up for the next test).

    The test client runs the app on an event loop of its own (a thread), while these tests
    also query the database from the test's loop; asyncpg connections must never cross loops
    (it crashes the process). Without the pool Piccolo opens a connection per query on
    whichever loop asks."""
    if empty_store:
        shutil.rmtree(get_settings().uploads_dir, ignore_errors=True)
    app = create_app()
    app.on_startup.remove(lifecycle.open_pool)
    app.on_shutdown.remove(lifecycle.close_pool)
    async with AsyncTestClient(app=app) as test_client:
        yield test_client
