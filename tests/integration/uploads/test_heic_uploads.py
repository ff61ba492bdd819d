"""HEIC photos from iPads: accepted by their bytes, stored as sent, read by the pipeline;
malformed or oversized ones are refused with a code and leave nothing behind."""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient
from PIL import Image

from backend.imaging import HEIC
from backend.jobs.worker import drain
from backend.uploads.tables import Blob
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus, nothing_stored, stored_files
from tests.support.in_process import app_reading_documents
from tests.support.upload_files import heic_declaring, heic_of, small_heic

ID_CARD = FIXTURES / "id_card" / "cc7c5fdafb.jpg"  # 石英芳 520203197001175843, clean
ID_NUMBER = "520203197001175843"
DOCUMENT = """query($id: ID!) { case(id: $id) { documents { id docType status fields } } }"""


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with app_reading_documents(empty_store=False) as test_client:
        yield test_client


async def test_an_ipad_heic_is_stored_as_sent_shown_as_jpeg_and_read_by_the_pipeline(
    tus: Tus, gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    data = heic_of(ID_CARD)
    digest = hashlib.sha256(data).hexdigest()
    assert (await tus.upload(data, filename="IMG_0042.HEIC", chunk=64 * 1024)).status_code == 204

    blob = await Blob.select().where(Blob.sha256 == digest).first()
    assert blob is not None
    assert blob["content_type"] == HEIC
    [stored] = stored_files()
    assert stored.read_bytes() == data  # the original bytes, content-addressed

    assert tus.token is not None
    device = Device(gql, tus.token)
    case_id, document_id = new_id(), new_id()
    created = await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    assert created["status"] == "applied"
    args = {"caseId": case_id, "documentId": document_id, "sha256": digest, "docType": "id_card"}
    assert (await device.do("attachDocument", args))["status"] == "applied"

    assert await drain() >= 1
    body = await gql(DOCUMENT, {"id": case_id}, token=tus.token)
    assert "errors" not in body, body
    [document] = body["data"]["case"]["documents"]
    assert UUID(document["id"]) == UUID(document_id)
    assert document["status"] == "processed"
    assert document["fields"]["id_number"] == ID_NUMBER

    # Browsers other than Safari cannot show HEIC: the photo is served as a JPEG rendition.
    headers = {"Authorization": f"Bearer {tus.token}"}
    response = await client.get(f"/files/{digest}", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(response.content)) as shown, Image.open(ID_CARD) as original:
        assert (shown.format, shown.size) == ("JPEG", original.size)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("HEIC declaring 9000x9000", lambda: heic_declaring(9_000, 9_000), "too_many_pixels"),
        ("HEIC declaring 60000x60000", lambda: heic_declaring(60_000, 60_000), "too_many_pixels"),
        ("HEIC cut short", lambda: small_heic()[:-200], None),
    ],
)
async def test_a_heic_bomb_or_a_broken_heic_is_refused_and_nothing_is_stored(
    tus: Tus, client: AsyncTestClient[Any], name: str, data: Any, reason: str | None
) -> None:
    response = await tus.upload(data(), filename="IMG_0001.HEIC")
    assert response.status_code == 422, (name, response.text)
    body = response.json()
    assert body["code"] == "IMAGE_UNREADABLE"
    assert body["message"]
    if reason is not None:
        assert body["details"]["reason"] == reason
    assert await nothing_stored()
    assert (await client.get("/health")).status_code == 200
