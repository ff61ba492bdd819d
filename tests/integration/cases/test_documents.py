"""attachDocument and the uploads seam: a document waits for its file, then is uploaded."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.settings import get_settings
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

CASE = "query($id: ID!) { case(id: $id) { documents { id docType status } } }"


@pytest.fixture(autouse=True)
def empty_blob_store() -> None:
    shutil.rmtree(get_settings().uploads_dir, ignore_errors=True)


def _photo() -> bytes:
    return next(iter(sorted(Path(FIXTURES, "id_card").glob("*.jp*g")))).read_bytes()


async def _upload(client: AsyncTestClient[Any], token: str, data: bytes) -> None:
    """The whole file in one tus PATCH, as the device's upload queue sends it."""
    digest = hashlib.sha256(data).hexdigest()
    meta = ",".join(
        f"{key} {base64.b64encode(value.encode()).decode()}"
        for key, value in (("sha256", digest), ("filename", "id.jpg"))
    )
    tus = {"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {token}"}
    created = await client.post(
        "/uploads/", headers={**tus, "Upload-Length": str(len(data)), "Upload-Metadata": meta}
    )
    assert created.status_code == 201, created.text
    patched = await client.patch(
        created.headers["location"],
        headers={**tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        content=data,
    )
    assert patched.status_code == 204, patched.text


async def test_a_document_waits_for_its_upload_then_is_uploaded(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    device = Device(gql, await gql.login("staff1"))
    case_id, document_id = new_id(), new_id()
    photo = _photo()
    digest = hashlib.sha256(photo).hexdigest()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    attached = await device.do(
        "attachDocument",
        {"caseId": case_id, "documentId": document_id, "sha256": digest, "docType": "id_card"},
    )
    assert attached["status"] == "applied"
    await device.sync()
    assert device.entities[("document", document_id)]["data"]["status"] == "pending_upload"
    await _upload(client, device.token, photo)
    received = await device.sync()
    assert [(c["entity"], c["data"]["status"]) for c in received] == [("document", "uploaded")]
    body = await gql(CASE, {"id": case_id}, token=device.token)
    assert body["data"]["case"]["documents"] == [
        {"id": document_id, "docType": "id_card", "status": "uploaded"}
    ]


async def test_a_document_whose_file_is_already_there_is_uploaded_at_once(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    device = Device(gql, await gql.login("staff1"))
    photo = _photo()
    await _upload(client, device.token, photo)
    case_id, document_id = new_id(), new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    await device.do(
        "attachDocument",
        {
            "caseId": case_id,
            "documentId": document_id,
            "sha256": hashlib.sha256(photo).hexdigest(),
            "docType": None,
        },
    )
    await device.sync()
    assert device.entities[("document", document_id)]["data"]["status"] == "uploaded"


async def test_attach_document_validates_its_arguments(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    bad = [
        ({"caseId": case_id, "documentId": "x", "sha256": "a" * 64, "docType": None}, "documentId"),
        ({"caseId": case_id, "documentId": new_id(), "sha256": "zz", "docType": None}, "sha256"),
        (
            {"caseId": case_id, "documentId": new_id(), "sha256": "a" * 64, "docType": "selfie"},
            "docType",
        ),
    ]
    for args, field in bad:
        result = await device.do("attachDocument", args)
        assert result["status"] == "rejected"
        assert result["error"]["field"] == field
