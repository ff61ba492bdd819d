"""The BlobStore contract: every implementation runs this suite (add yours to STORES)."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.uploads.local_store import LocalBlobStore
from backend.uploads.store import BlobStore

STORES: dict[str, Callable[[Path], BlobStore]] = {"local": LocalBlobStore}
UPLOAD = "0f4d2c1e-8a3b-4c5d-9e6f-7a8b9c0d1e2f"


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    return STORES[request.param](tmp_path)


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def cut_after(first: bytes) -> AsyncIterator[bytes]:
    yield first
    raise ConnectionResetError("client went away")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def test_appends_accumulate_and_report_the_size(store: BlobStore) -> None:
    assert await store.partial_size(UPLOAD) == 0
    assert await store.append_partial(UPLOAD, 0, chunks(b"hello ", b"wor")) == 9
    assert await store.append_partial(UPLOAD, 9, chunks(b"ld")) == 11
    assert await store.read_partial(UPLOAD) == b"hello world"


async def test_append_at_a_recorded_offset_drops_bytes_stored_past_it(store: BlobStore) -> None:
    await store.append_partial(UPLOAD, 0, chunks(b"abcdef"))
    assert await store.append_partial(UPLOAD, 3, chunks(b"XY")) == 5
    assert await store.read_partial(UPLOAD) == b"abcXY"


async def test_append_beyond_the_stored_size_is_a_conflict(store: BlobStore) -> None:
    await store.append_partial(UPLOAD, 0, chunks(b"abc"))
    with pytest.raises(DoorstepError) as caught:
        await store.append_partial(UPLOAD, 10, chunks(b"x"))
    assert caught.value.code == ErrorCode.CONFLICT


async def test_bytes_before_a_failing_source_are_kept_and_the_error_propagates(
    store: BlobStore,
) -> None:
    with pytest.raises(ConnectionResetError):
        await store.append_partial(UPLOAD, 0, cut_after(b"first part"))
    assert await store.partial_size(UPLOAD) == len(b"first part")


async def test_a_second_writer_on_the_same_partial_is_refused(store: BlobStore) -> None:
    release = asyncio.Event()

    async def slow() -> AsyncIterator[bytes]:
        yield b"a"
        await release.wait()

    first = asyncio.create_task(store.append_partial(UPLOAD, 0, slow()))
    await asyncio.sleep(0.05)
    with pytest.raises(DoorstepError) as caught:
        await store.append_partial(UPLOAD, 1, chunks(b"b"))
    assert caught.value.code == ErrorCode.CONFLICT
    release.set()
    assert await first == 1


async def test_finalize_turns_the_partial_into_a_blob_by_hash(store: BlobStore) -> None:
    data = b"verified content"
    await store.append_partial(UPLOAD, 0, chunks(data))
    await store.finalize(UPLOAD, sha(data))
    assert await store.exists(sha(data))
    assert await store.read(sha(data)) == data
    assert await store.size(sha(data)) == len(data)
    assert await store.partial_size(UPLOAD) == 0


async def test_finalize_of_existing_content_keeps_one_copy_and_drops_the_partial(
    store: BlobStore,
) -> None:
    data = b"same bytes"
    other = "1f4d2c1e-8a3b-4c5d-9e6f-7a8b9c0d1e2f"
    for upload in (UPLOAD, other):
        await store.append_partial(upload, 0, chunks(data))
        await store.finalize(upload, sha(data))
    assert await store.read(sha(data)) == data
    assert await store.partial_size(other) == 0


async def test_missing_blobs_read_as_not_found_and_deletes_are_idempotent(
    store: BlobStore,
) -> None:
    missing = sha(b"never stored")
    assert not await store.exists(missing)
    with pytest.raises(FileNotFoundError):
        await store.read(missing)
    with pytest.raises(FileNotFoundError):
        await store.size(missing)
    await store.delete(missing)
    await store.delete_partial(UPLOAD)


async def test_delete_removes_blobs_and_partials(store: BlobStore) -> None:
    data = b"to be removed"
    await store.append_partial(UPLOAD, 0, chunks(data))
    await store.finalize(UPLOAD, sha(data))
    await store.delete(sha(data))
    assert not await store.exists(sha(data))
    await store.append_partial(UPLOAD, 0, chunks(b"partial"))
    await store.delete_partial(UPLOAD)
    assert await store.partial_size(UPLOAD) == 0


@pytest.mark.parametrize("key", ["../escape", "/etc/passwd", "ABC", "a/b", ""])
async def test_keys_that_are_not_ids_or_hashes_never_become_paths(
    store: BlobStore, key: str
) -> None:
    with pytest.raises(ValueError, match="not a"):
        await store.read(key)
    with pytest.raises(ValueError, match="not a"):
        await store.append_partial(key, 0, chunks(b"x"))


def test_local_store_lays_blobs_out_by_hash_prefix(tmp_path: Path) -> None:
    digest = sha(b"x")
    path = LocalBlobStore(tmp_path).blob_path(digest)
    assert path == tmp_path / "blobs" / digest[:2] / digest[2:4] / digest
