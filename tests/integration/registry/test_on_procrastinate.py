"""The same automatic checks in distributed mode: procrastinate runs registry.run_query."""

from __future__ import annotations

import os

import pytest

from backend.jobs import distributed
from backend.jobs.tables import Job
from tests.integration.registry.test_checks import registry_flags
from tests.support.database import procrastinate_jobs

pytestmark = pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres", reason="procrastinate needs PostgreSQL"
)


@pytest.mark.usefixtures("distributed_jobs", "registry_cases")
async def test_checks_run_on_procrastinate_workers() -> None:
    for _ in range(3):  # verification → queries → verification again
        await distributed.drain()
    assert await Job.count() == 0  # nothing went to the embedded queue
    assert ("registry.run_query", "succeeded") in await procrastinate_jobs()
    assert await registry_flags(302) == [("REGISTRY_MARITAL_MISMATCH", "marital_status")]
    assert ("REGISTRY_PROPERTY_FOUND", "withdrawal_reason") in await registry_flags(301)
