"""The same document jobs in distributed mode: upload → procrastinate → fields on the case."""

from __future__ import annotations

import os
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.jobs import distributed
from backend.jobs.tables import Job
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
from tests.support.database import procrastinate_jobs

pytestmark = pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres", reason="procrastinate needs PostgreSQL"
)


@pytest.mark.usefixtures("distributed_jobs", "demo")  # the demo's own jobs go there too
async def test_an_uploaded_id_card_is_read_by_a_procrastinate_worker(
    client: AsyncTestClient[Any], gql: GraphQL  # noqa: F811
) -> None:
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

    jobs = await procrastinate_jobs()
    assert set(jobs) >= {
        ("documents.process", "succeeded"), ("verification.verify_case", "succeeded")
    }, jobs
    case = (await gql(CASE, {"id": case_id}, token=staff1))["data"]["case"]
    assert case["status"] == "needs_review"
    [document] = case["documents"]
    assert (document["id"], document["status"]) == (id_card, "processed")
    assert document["fields"]["id_number"] == ID_NUMBER
    assert case["fields"]["sex"] == "女"  # an empty field filled from the reading
