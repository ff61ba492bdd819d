"""Photo hashes are kept when an upload is verified (a real tus upload through the app)."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from PIL import Image

from backend.app import create_app
from backend.settings import get_settings
from backend.uploads.events import blob_verified_handlers
from backend.verification import queries
from backend.verification.images import is_near, photo_hash
from backend.verification.upload_hooks import on_blob_verified, register_upload_hooks
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")
PHOTO = FIXTURES / "id_card"


@pytest.fixture(autouse=True)
def hook_registered() -> Iterator[None]:
    shutil.rmtree(get_settings().uploads_dir, ignore_errors=True)
    register_upload_hooks()
    register_upload_hooks()  # safe to call again
    assert blob_verified_handlers.count(on_blob_verified) == 1
    yield
    blob_verified_handlers.remove(on_blob_verified)


async def upload(client: AsyncTestClient[Any], data: bytes, filename: str) -> str:
    token = await GraphQL(client).login("staff1")
    digest = hashlib.sha256(data).hexdigest()
    meta = ",".join(
        f"{key} {base64.b64encode(value.encode()).decode()}"
        for key, value in (("sha256", digest), ("filename", filename))
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
    return digest


async def test_an_uploaded_photo_gets_its_perceptual_hash() -> None:
    photo = sorted(PHOTO.glob("*.jp*g"))[0].read_bytes()
    # The app's own client, closed before reading: on PostgreSQL its pool is its loop's.
    async with AsyncTestClient(app=create_app()) as client:
        digest = await upload(client, photo, "id.jpg")
    stored = await queries.photo_hashes_of([digest])
    assert stored == {digest: photo_hash(photo)}
    assert is_near(stored[digest], photo_hash(photo))


async def test_a_pdf_gets_no_photo_hash() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, "PDF")  # a real one-page PDF
    pdf = buffer.getvalue()
    async with AsyncTestClient(app=create_app()) as client:
        digest = await upload(client, pdf, "scan.pdf")
    assert await queries.photo_hashes_of([digest]) == {}
