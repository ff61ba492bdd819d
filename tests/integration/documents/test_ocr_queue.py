"""``ocrQueue``: where a case's photos stand in the OCR queue and about how long they take,
from the job queue (embedded on both engines, procrastinate on PostgreSQL) and the
throughput of recent readings."""

from __future__ import annotations

import os
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient

from backend.documents.queries import reading_of
from backend.jobs import distributed
from backend.jobs.registry import load_job_modules
from backend.jobs.worker import run_one
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.documents.test_case_documents_end_to_end import (
    ID_CARD,
    MARITAL,
    NO_HOUSING,
    _attach_and_upload,
    client,  # noqa: F401  (the app without its pool, shared with that test)
)
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus

QUEUE = """query($c: ID!) { ocrQueue(caseId: $c) { documentId position estimatedSeconds } }"""
FIELDS = {"name": "石英芳", "id_number": "520203197001175843", "withdrawal_reason": "06"}


async def _queue(gql: GraphQL, token: str, case_id: str) -> list[dict[str, Any]]:
    body = await gql(QUEUE, {"c": case_id}, token=token)
    assert "errors" not in body, body
    places: list[dict[str, Any]] = body["data"]["ocrQueue"]
    return places


async def _two_cases(app: AsyncTestClient[Any], gql: GraphQL, staff1: str
                     ) -> tuple[str, list[str], str, list[str]]:
    """Case A with two photos, then case B with one, all uploaded and waiting."""
    device, tus = Device(gql, staff1), Tus(app, staff1)
    made: list[tuple[str, list[str]]] = []
    for photos in ((ID_CARD, NO_HOUSING), (MARITAL,)):
        case_id = new_id()
        created = await device.do("createCase", {"id": case_id, "kind": "withdrawal",
                                                 "fields": FIELDS})
        assert created["status"] == "applied"
        made.append((case_id, [await _attach_and_upload(device, tus, case_id,
                                                        photo.read_bytes(), None)
                               for photo in photos]))
    (case_a, docs_a), (case_b, docs_b) = made
    return case_a, docs_a, case_b, docs_b


@pytest.mark.usefixtures("demo")
async def test_photos_wait_in_line_and_the_wait_follows_the_recent_reading_rate(
    client: AsyncTestClient[Any], gql: GraphQL  # noqa: F811
) -> None:
    staff1 = await gql.login("staff1")
    case_a, docs_a, case_b, docs_b = await _two_cases(client, gql, staff1)

    # Nothing read lately: places, but no estimate.
    assert await _queue(gql, staff1, case_a) == [
        {"documentId": docs_a[0], "position": 1, "estimatedSeconds": None},
        {"documentId": docs_a[1], "position": 2, "estimatedSeconds": None},
    ]
    assert await _queue(gql, staff1, case_b) == [
        {"documentId": docs_b[0], "position": 3, "estimatedSeconds": None},
    ]

    load_job_modules()
    while await reading_of(UUID(docs_a[0])) is None:  # the first in line is read
        assert await run_one()
    # One reading in the last minute: a rate of 1 per 60 s (the shortest span measured).
    assert await _queue(gql, staff1, case_a) == [
        {"documentId": docs_a[1], "position": 1, "estimatedSeconds": 60},
    ]
    assert await _queue(gql, staff1, case_b) == [
        {"documentId": docs_b[0], "position": 2, "estimatedSeconds": 120},
    ]

    while await run_one():
        pass
    assert await _queue(gql, staff1, case_a) == []
    assert await _queue(gql, staff1, case_b) == []


@pytest.mark.usefixtures("demo")
async def test_the_queue_of_a_case_is_shown_to_those_who_may_see_the_case(
    client: AsyncTestClient[Any], gql: GraphQL  # noqa: F811
) -> None:
    staff1 = await gql.login("staff1")
    case_a, _, _, _ = await _two_cases(client, gql, staff1)
    supervisor = await gql.login("supervisor1")
    assert [p["position"] for p in await _queue(gql, supervisor, case_a)] == [1, 2]
    case_query = "query($c: ID!) { case(id: $c) { id } }"
    for username in ("staff2", "employer1"):
        token = await gql.login(username)
        denied = error_codes(await gql(QUEUE, {"c": case_a}, token=token))
        assert denied == error_codes(await gql(case_query, {"c": case_a}, token=token))
        assert denied == ["FORBIDDEN"]
    assert error_codes(await gql(QUEUE, {"c": new_id()}, token=staff1)) == ["NOT_FOUND"]


@pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres", reason="procrastinate needs PostgreSQL"
)
@pytest.mark.usefixtures("distributed_jobs", "demo")
async def test_on_procrastinate_the_places_come_from_its_queue(
    client: AsyncTestClient[Any], gql: GraphQL  # noqa: F811
) -> None:
    staff1 = await gql.login("staff1")
    case_a, docs_a, case_b, docs_b = await _two_cases(client, gql, staff1)
    assert [(p["documentId"], p["position"]) for p in await _queue(gql, staff1, case_a)] == [
        (docs_a[0], 1), (docs_a[1], 2)]
    assert [(p["documentId"], p["position"]) for p in await _queue(gql, staff1, case_b)] == [
        (docs_b[0], 3)]

    await distributed.drain()
    assert await _queue(gql, staff1, case_a) == []
    assert await _queue(gql, staff1, case_b) == []
