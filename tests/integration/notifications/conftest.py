from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from backend.jobs import worker
from tests.integration.notifications.push_service import LocalPushService


@pytest.fixture
async def push_service() -> AsyncIterator[LocalPushService]:
    service = LocalPushService()
    await service.start()
    yield service
    await service.stop()


@pytest.fixture
async def demo_settled(demo: None) -> None:
    """Demo users, with the demo data's own background work (checks of seeded cases) done."""
    await worker.drain()
