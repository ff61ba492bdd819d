"""What the server's reading of a photo says about itself reaches the device through pull:
confidence per field, photo quality (with its measurements) and the preprocessing applied,
on the change log, in a full sync and when a reassignment re-sends the document."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.demo.seed import demo_user_id
from backend.jobs.worker import drain
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus
from tests.support.in_process import app_reading_documents

ID_CARD = FIXTURES / "id_card" / "cc7c5fdafb.jpg"  # 石英芳, clean scan
FIELDS = {"name": "石英芳", "id_number": "520203197001175843", "withdrawal_reason": "06"}
ASSIGN = "mutation($id: ID!, $to: ID!) { assignCase(id: $id, assigneeId: $to) { id } }"

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with app_reading_documents() as test_client:
        yield test_client


def _document(device: Device, document_id: str) -> dict[str, Any]:
    change = device.entities.get(("document", document_id))
    assert change is not None, "document not on the device"
    data: dict[str, Any] = change["data"]
    return data


def _assert_reading(data: dict[str, Any]) -> None:
    assert data["status"] == "processed"
    assert data["fields"]["name"] == "石英芳"
    # one confidence per field read, each a probability
    assert set(data["confidence"]) == set(data["fields"])
    assert all(0.0 < c <= 1.0 for c in data["confidence"].values())
    quality = data["quality"]
    assert quality["blurry"] is False
    assert quality["rotated_degrees"] == 0
    assert {"glare", "low_resolution"} <= set(quality)
    assert {"softness", "glare_share", "text_height_px"} <= set(quality["measurements"])
    assert quality["measurements"]["text_height_px"] > 0
    assert data["preprocessing"]["red_suppressed"] is True
    assert "page_flattened" in data["preprocessing"]


async def test_confidence_quality_and_preprocessing_reach_the_device(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    token = await gql.login("staff1")
    device, tus = Device(gql, token), Tus(client, token)
    case_id, document_id = new_id(), new_id()
    photo = ID_CARD.read_bytes()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": FIELDS})
    attach = {"caseId": case_id, "documentId": document_id,
              "sha256": hashlib.sha256(photo).hexdigest(), "docType": "id_card"}
    assert (await device.do("attachDocument", attach))["status"] == "applied"
    assert (await tus.upload(photo, filename="id.jpg")).status_code == 204
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    await device.sync()
    waiting = _document(device, document_id)
    assert waiting["status"] == "uploaded"
    assert waiting["confidence"] == {}  # not read yet
    assert waiting["quality"] is None

    await drain()
    await device.sync()  # the change log
    _assert_reading(_document(device, document_id))

    fresh = Device(gql, await gql.login("staff1"))
    await fresh.sync()  # a full sync, from current state
    _assert_reading(_document(fresh, document_id))

    # A reassignment re-sends the document to its new audience, reading included.
    supervisor = await gql.login("supervisor1")
    body = await gql(ASSIGN, {"id": case_id, "to": str(demo_user_id("staff2"))},
                     token=supervisor)
    assert "errors" not in body, body
    staff2 = Device(gql, await gql.login("staff2"))
    await staff2.sync()
    _assert_reading(_document(staff2, document_id))
    await device.sync()
    resent = [c for c in await fresh.sync() if c["entity"] == "document"]
    for change in resent:
        if change["op"] == "put":
            _assert_reading(change["data"])
