"""The same document jobs in distributed mode: upload → procrastinate → fields on the case."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.db.lifecycle import current_engine
from backend.jobs import distributed
from backend.jobs.tables import Job
from backend.settings import get_settings
from tests.integration.conftest import GraphQL
from tests.integration.documents.test_case_documents_end_to_end import (
    CASE,
    ID_CARD,
    ID_NUMBER,
    _attach_and_upload,
    client,  # noqa: F401  (the app without its pool, shared with that test)
)
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus

pytestmark = pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres", reason="procrastinate needs PostgreSQL"
)


@pytest.fixture(autouse=True)
def distributed_mode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DOORSTEP_JOBS", "distributed")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.usefixtures("demo")
async def test_an_uploaded_id_card_is_read_by_a_procrastinate_worker(
    client: AsyncTestClient[Any], gql: GraphQL  # noqa: F811
) -> None:
    engine: Any = current_engine()
    await engine.run_ddl("TRUNCATE procrastinate_jobs RESTART IDENTITY CASCADE")
    staff1 = await gql.login("staff1")
    device = Device(gql, staff1)
    case_id = new_id()
    fields = {"name": "石英芳", "id_number": ID_NUMBER, "withdrawal_reason": "06"}
    assert (await device.do("createCase", {"id": case_id, "kind": "withdrawal",
                                          "fields": fields}))["status"] == "applied"
    id_card = await _attach_and_upload(
        device, Tus(client, staff1), case_id, ID_CARD.read_bytes(), "id_card"
    )
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    assert await Job.count() == 0  # nothing went to the embedded queue

    await distributed.drain()

    jobs = await Job.raw("SELECT task_name, status::text AS status FROM procrastinate_jobs")
    assert {(row["task_name"], row["status"]) for row in jobs} >= {
        ("documents.process", "succeeded"), ("verification.verify_case", "succeeded")
    }, jobs
    case = (await gql(CASE, {"id": case_id}, token=staff1))["data"]["case"]
    assert case["status"] == "needs_review"
    [document] = case["documents"]
    assert (document["id"], document["status"]) == (id_card, "processed")
    assert document["fields"]["id_number"] == ID_NUMBER
    assert case["fields"]["sex"] == "女"  # an empty field filled from the reading
