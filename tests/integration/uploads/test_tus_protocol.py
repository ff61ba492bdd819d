"""The tus 1.0.0 protocol at /uploads/, step by step, against the in-process app."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from typing import Any

from litestar.testing import AsyncTestClient

from backend.settings import get_settings
from backend.uploads import service
from backend.uploads.tables import Blob
from tests.integration.conftest import GraphQL
from tests.integration.uploads.conftest import Tus, metadata, sha256, stored_files
from tests.support.upload_files import photo, png_bytes


async def test_options_announces_version_extensions_and_maximum_size(
    client: AsyncTestClient[Any],
) -> None:
    response = await client.options("/uploads/")
    assert response.status_code == 204
    assert response.headers["tus-version"] == "1.0.0"
    assert set(response.headers["tus-extension"].split(",")) == {
        "creation",
        "termination",
        "expiration",
    }
    assert int(response.headers["tus-max-size"]) == get_settings().upload_max_bytes


async def test_a_photo_uploaded_in_chunks_is_stored_once_under_its_hash(tus: Tus) -> None:
    data = photo(3)
    created = await tus.create(data, filename="身份证 正面.jpg")
    assert created.status_code == 201
    assert created.headers["upload-offset"] == "0"
    location = created.headers["location"]
    assert location.startswith("/uploads/")

    head = await tus.head(location)
    assert head.status_code == 200
    assert (head.headers["upload-offset"], head.headers["upload-length"]) == ("0", str(len(data)))
    assert head.headers["cache-control"] == "no-store"
    assert head.headers["upload-metadata"] == metadata(
        sha256=sha256(data), filename="身份证 正面.jpg"
    )
    assert parsedate_to_datetime(head.headers["upload-expires"]).tzinfo is not None

    first = await tus.patch(location, 0, data[:10_000])
    assert (first.status_code, first.headers["upload-offset"]) == (204, "10000")
    assert "upload-expires" in first.headers
    last = await tus.patch(location, 10_000, data[10_000:])
    assert (last.status_code, last.headers["upload-offset"]) == (204, str(len(data)))
    assert "upload-expires" not in last.headers

    digest = sha256(data)
    blob = await Blob.select().where(Blob.sha256 == digest).first()
    assert blob["size"] == len(data)
    assert blob["content_type"] == "image/jpeg"
    assert blob["filename"] == "身份证 正面.jpg"
    assert [path.name for path in stored_files()] == [digest]
    stored = stored_files()[0]
    assert stored.relative_to(get_settings().uploads_dir).parts == (
        "blobs",
        digest[:2],
        digest[2:4],
        digest,
    )
    assert sha256(stored.read_bytes()) == digest
    assert await service.is_verified(digest)
    assert await service.open_blob(digest) == data
    again = await tus.head(location)
    assert again.headers["upload-offset"] == again.headers["upload-length"]


async def test_identical_content_is_answered_complete_at_creation_and_stored_once(
    tus: Tus, gql: GraphQL
) -> None:
    data = png_bytes((120, 80))
    assert (await tus.upload(data)).status_code == 204
    other = await gql.login("staff2")
    second = await tus.create(data, filename="again.png", token=other)
    assert second.status_code == 201
    assert second.headers["upload-offset"] == str(len(data))
    head = await tus.head(second.headers["location"], token=other)
    assert head.headers["upload-offset"] == head.headers["upload-length"] == str(len(data))
    assert len(stored_files()) == 1
    rows = await Blob.select(Blob.filename, Blob.uploaded_by.username)
    assert rows == [{"filename": "photo.jpg", "uploaded_by.username": "staff1"}]


async def test_a_patch_at_the_wrong_offset_is_a_conflict_with_the_real_offset(tus: Tus) -> None:
    data = photo(1)
    location = (await tus.create(data)).headers["location"]
    await tus.patch(location, 0, data[:100])
    response = await tus.patch(location, 50, data[50:200])
    assert response.status_code == 409
    assert response.json()["code"] == "CONFLICT"
    assert response.json()["details"] == {"offset": 100}
    assert (await tus.head(location)).headers["upload-offset"] == "100"


async def test_more_bytes_than_declared_are_refused_and_not_counted(tus: Tus) -> None:
    data = photo(2)
    location = (await tus.create(data)).headers["location"]
    response = await tus.patch(location, 0, data + b"extra")
    assert response.status_code == 413
    assert response.json()["code"] == "UPLOAD_TOO_LARGE"
    assert (await tus.head(location)).headers["upload-offset"] == "0"
    assert (await tus.patch(location, 0, data)).status_code == 204


async def test_patch_needs_the_offset_content_type_and_every_call_the_tus_version(
    tus: Tus, client: AsyncTestClient[Any]
) -> None:
    data = photo(4)
    location = (await tus.create(data)).headers["location"]
    wrong_type = await client.patch(
        location,
        headers=tus.headers(**{"Upload-Offset": "0", "Content-Type": "image/jpeg"}),
        content=data,
    )
    assert wrong_type.status_code == 415
    no_version = await client.head(location, headers={"Authorization": f"Bearer {tus.token}"})
    assert no_version.status_code == 412
    assert no_version.headers["tus-version"] == "1.0.0"
    bad_offset = await client.patch(
        location,
        headers=tus.headers(
            **{"Upload-Offset": "-1", "Content-Type": "application/offset+octet-stream"}
        ),
        content=data,
    )
    assert (bad_offset.status_code, bad_offset.json()["code"]) == (400, "BAD_REQUEST")


async def test_termination_removes_the_partial_bytes_and_the_upload(tus: Tus) -> None:
    data = photo(5)
    location = (await tus.create(data)).headers["location"]
    await tus.patch(location, 0, data[:5000])
    assert stored_files()
    response = await tus.client.delete(location, headers=tus.headers())
    assert response.status_code == 204
    assert stored_files() == []
    assert (await tus.head(location)).status_code == 404


async def test_an_unknown_or_malformed_upload_id_is_not_found(tus: Tus) -> None:
    for location in ("/uploads/00000000-0000-4000-8000-000000000000", "/uploads/..%2F..%2Fetc"):
        response = await tus.head(location)
        assert response.status_code == 404


async def test_missing_or_invalid_sha256_is_a_coded_bad_request(tus: Tus) -> None:
    data = photo(6)
    for meta in (metadata(filename="a.jpg"), metadata(filename="a.jpg", sha256="abc")):
        response = await tus.client.post(
            "/uploads/",
            headers=tus.headers(**{"Upload-Length": str(len(data)), "Upload-Metadata": meta}),
        )
        assert response.status_code == 400
        assert (response.json()["code"], response.json()["field"]) == ("BAD_REQUEST", "sha256")
    assert stored_files() == []
