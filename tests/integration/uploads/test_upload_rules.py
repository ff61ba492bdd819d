"""What the server insists on: tokens, owners, hashes, size, expiry; and the hooks it calls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.settings import get_settings
from backend.uploads import events, service
from backend.uploads.tables import Blob, PartialUpload
from tests.integration.conftest import GraphQL
from tests.integration.uploads.conftest import Tus, nothing_stored, sha256, stored_files
from tests.support.upload_files import photo


@pytest.fixture
def verified_hashes() -> Iterator[list[str]]:
    seen: list[str] = []

    async def record(digest: str) -> None:
        seen.append(digest)

    events.blob_verified_handlers.append(record)
    yield seen
    events.blob_verified_handlers.remove(record)


async def test_every_call_without_a_valid_token_is_unauthenticated(
    tus: Tus, client: AsyncTestClient[Any]
) -> None:
    data = photo(7)
    location = (await tus.create(data)).headers["location"]
    calls = [
        ("POST", "/uploads/", {"Upload-Length": "10"}),
        ("HEAD", location, {}),
        (
            "PATCH",
            location,
            {"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        ),
        ("DELETE", location, {}),
    ]
    for authorization in (None, "Bearer", "Bearer not-a-token", f"Basic {tus.token}"):
        for method, url, extra in calls:
            headers = {"Tus-Resumable": "1.0.0", **extra}
            if authorization:
                headers["Authorization"] = authorization
            response = await client.request(method, url, headers=headers, content=b"x")
            assert response.status_code == 401, (method, authorization)
            if method != "HEAD":
                assert response.json()["code"] == "UNAUTHENTICATED"
    assert (await tus.head(location)).headers["upload-offset"] == "0"


async def test_someone_elses_upload_cannot_be_seen_continued_or_ended(
    tus: Tus, gql: GraphQL
) -> None:
    data = photo(8)
    location = (await tus.create(data)).headers["location"]
    other = await gql.login("staff2")
    assert (await tus.head(location, token=other)).status_code == 404
    patched = await tus.patch(location, 0, data, token=other)
    assert (patched.status_code, patched.json()["code"]) == (404, "NOT_FOUND")
    deleted = await tus.client.delete(location, headers=tus.headers(other))
    assert deleted.status_code == 404
    assert (await tus.head(location)).headers["upload-offset"] == "0"


async def test_a_hash_mismatch_is_refused_with_460_and_nothing_is_kept(
    tus: Tus, verified_hashes: list[str]
) -> None:
    data = photo(9)
    claimed = sha256(b"some other file")
    created = await tus.create(data, sha=claimed)
    location = created.headers["location"]
    assert (await tus.patch(location, 0, data[:1000])).status_code == 204
    response = await tus.patch(location, 1000, data[1000:])
    assert response.status_code == 460
    body = response.json()
    assert body["code"] == "UPLOAD_HASH_MISMATCH"
    assert body["details"] == {"expected": claimed, "actual": sha256(data)}
    assert await nothing_stored()
    assert (await tus.head(location)).status_code == 404
    assert not await service.is_verified(sha256(data))
    assert verified_hashes == []


async def test_a_known_hash_declared_with_another_length_is_a_mismatch(tus: Tus) -> None:
    data = photo(10)
    await tus.upload(data)
    response = await tus.create(data + b"\x00", sha=sha256(data))
    assert (response.status_code, response.json()["code"]) == (460, "UPLOAD_HASH_MISMATCH")


async def test_over_size_is_refused_up_front_with_413(tus: Tus) -> None:
    limit = get_settings().upload_max_bytes
    response = await tus.create(b"", sha=sha256(b"x"), length=limit + 1)
    assert response.status_code == 413
    assert response.json()["code"] == "UPLOAD_TOO_LARGE"
    assert response.json()["details"]["maxBytes"] == limit
    assert await nothing_stored()
    at_limit = await tus.create(b"", sha=sha256(b"x"), length=limit)
    assert at_limit.status_code == 201


async def test_expired_partials_are_cleaned_bytes_and_rows(tus: Tus) -> None:
    data = photo(11)
    location = (await tus.create(data)).headers["location"]
    await tus.patch(location, 0, data[:4000])
    fresh = (await tus.create(photo(12))).headers["location"]
    later = datetime.now(UTC) + timedelta(hours=get_settings().upload_expiry_hours, minutes=1)
    assert await service.remove_expired_partials(now=later) == 2
    assert await nothing_stored()
    assert (await tus.head(location)).status_code == 404
    assert (await tus.head(fresh)).status_code == 404


async def test_an_expired_upload_answers_410_and_is_removed(tus: Tus) -> None:
    data = photo(13)
    location = (await tus.create(data)).headers["location"]
    await tus.patch(location, 0, data[:4000])
    await PartialUpload.update(
        {PartialUpload.expires_at: datetime.now(UTC) - timedelta(seconds=1)}
    ).where(PartialUpload.sha256 == sha256(data))
    response = await tus.patch(location, 4000, data[4000:])
    assert (response.status_code, response.json()["code"]) == (410, "UPLOAD_EXPIRED")
    assert await nothing_stored()


async def test_creating_an_upload_cleans_expired_ones_now_and_then(
    tus: Tus, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = photo(14)
    location = (await tus.create(data)).headers["location"]
    await tus.patch(location, 0, data[:4000])
    await PartialUpload.update(
        {PartialUpload.expires_at: datetime.now(UTC) - timedelta(seconds=1)}
    ).where(PartialUpload.sha256 == sha256(data))
    monkeypatch.setattr(service, "_last_cleanup", 0.0)
    await tus.create(photo(15))
    assert await PartialUpload.count().where(PartialUpload.sha256 == sha256(data)) == 0
    assert stored_files() == []


async def test_verified_uploads_call_the_hooks_and_a_failing_hook_does_not_undo_them(
    tus: Tus, verified_hashes: list[str]
) -> None:
    async def broken(_: str) -> None:
        raise RuntimeError("cases domain is down")

    events.blob_verified_handlers.insert(0, broken)
    try:
        data = photo(16)
        response = await tus.upload(data)
        assert response.status_code == 204
        again = await tus.create(data)
        assert again.headers["upload-offset"] == str(len(data))
    finally:
        events.blob_verified_handlers.remove(broken)
    assert verified_hashes == [sha256(data), sha256(data)]
    assert await Blob.count() == 1


async def test_the_seam_answers_unknown_or_malformed_hashes_without_raising_oddly() -> None:
    from backend.errors import DoorstepError

    for text in (sha256(b"nothing"), "not a hash", ""):
        assert not await service.is_verified(text)
        assert await service.verified_blob(text) is None
        with pytest.raises(DoorstepError) as caught:
            await service.open_blob(text)
        assert caught.value.code == "NOT_FOUND"


async def test_the_seam_reports_a_verified_file_by_its_hash_in_any_case(tus: Tus) -> None:
    data = photo(17)
    await tus.upload(data)
    digest = sha256(data)
    assert await service.is_verified(digest.upper())
    blob = await service.verified_blob(digest)
    assert blob is not None
    assert (blob.size, blob.content_type, blob.filename) == (len(data), "image/jpeg", "photo.jpg")
    assert await service.open_blob(digest) == data
