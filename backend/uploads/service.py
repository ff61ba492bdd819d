"""Uploads' use cases: create, resume, receive, verify, end; and the seam for other domains.

Other domains use only :func:`is_verified`, :func:`verified_blob` and :func:`open_blob`,
plus the hooks in :mod:`backend.uploads.events`.

An upload's database row holds the authoritative offset. Its offset reaches the length
only after the whole file was hashed, matched the declared sha256 and passed the content
checks; a failed check removes the row and the bytes. Identical content is stored once:
creating an upload of an already verified hash answers it as complete at once.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import anyio.to_thread

from backend.accounts.models import UserRecord
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings, get_settings
from backend.uploads import events, queries
from backend.uploads.local_store import LocalBlobStore
from backend.uploads.metadata import SHA256_HEX
from backend.uploads.models import BlobRecord, PartialRecord, UploadRequest
from backend.uploads.sniff import verified_content_type
from backend.uploads.store import BlobStore

logger = logging.getLogger(__name__)

CLEANUP_INTERVAL_SECONDS = 60.0
_last_cleanup = 0.0


def blob_store(settings: Settings | None = None) -> BlobStore:
    return LocalBlobStore((settings or get_settings()).uploads_dir)


def _now() -> datetime:
    return datetime.now(UTC)


def _expiry(settings: Settings, now: datetime) -> datetime:
    return now + timedelta(hours=settings.upload_expiry_hours)


# --- the seam for other domains -------------------------------------------------------


def _as_digest(sha256: str) -> str | None:
    """The lowercase hex digest, or None when the text cannot be a sha256 at all."""
    digest = sha256.strip().lower()
    return digest if SHA256_HEX.fullmatch(digest) else None


async def is_verified(sha256: str) -> bool:
    """Whether a file with this hash was uploaded completely and verified (False for text
    that is not a sha256)."""
    digest = _as_digest(sha256)
    return digest is not None and await queries.blob_exists(digest)


async def verified_blob(sha256: str) -> BlobRecord | None:
    """Size, sniffed content type, first filename and uploader of a verified file."""
    digest = _as_digest(sha256)
    return await queries.blob_by_sha256(digest) if digest else None


async def open_blob(sha256: str) -> bytes:
    """The verified file's bytes; NOT_FOUND if there is no verified file with this hash."""
    digest = _as_digest(sha256)
    if digest is None or not await queries.blob_exists(digest):
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该文件。")
    try:
        return await blob_store().read(digest)
    except FileNotFoundError:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该文件。") from None


async def _announce(sha256: str) -> None:
    """Runs the blob-verified hooks; a failing hook is logged and does not undo the upload."""
    for handler in list(events.blob_verified_handlers):
        try:
            await handler(sha256)
        except Exception:  # a hook of another domain must not fail the upload
            logger.exception("blob_verified handler %r failed for %s", handler, sha256)


# --- tus use cases -----------------------------------------------------------------------


async def create_upload(
    user: UserRecord, request: UploadRequest, settings: Settings
) -> PartialRecord:
    await _clean_now_and_then(settings)
    now = _now()
    existing = await queries.blob_by_sha256(request.sha256)
    if existing and existing.size != request.length:
        # A file of another length cannot have this hash.
        raise DoorstepError(
            ErrorCode.UPLOAD_HASH_MISMATCH,
            details={"expected": request.sha256, "reason": "length_differs_from_stored_file"},
        )
    known = existing is not None and await blob_store(settings).exists(request.sha256)
    record = PartialRecord(
        id=uuid.uuid4(),
        owner_id=user.id,
        length=request.length,
        offset=request.length if known else 0,
        sha256=request.sha256,
        filename=request.filename,
        content_type=request.content_type,
        expires_at=_expiry(settings, now),
    )
    await queries.insert_partial(record, now)
    if known:
        await _announce(request.sha256)
    return record


async def upload_status(user: UserRecord, upload_id: UUID, settings: Settings) -> PartialRecord:
    return await _owned_upload(user, upload_id, settings)


async def _owned_upload(user: UserRecord, upload_id: UUID, settings: Settings) -> PartialRecord:
    """The user's own upload; someone else's is reported as not found (no probing)."""
    record = await queries.partial_by_id(upload_id)
    if record is None or record.owner_id != user.id:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该上传。")
    if not record.complete and record.expires_at <= _now():
        await _discard(record, settings)
        raise DoorstepError(ErrorCode.UPLOAD_EXPIRED)
    return record


async def receive(
    user: UserRecord,
    upload_id: UUID,
    offset: int,
    chunks: AsyncIterable[bytes],
    settings: Settings,
) -> PartialRecord:
    """Appends a PATCH body at ``offset``; completes and verifies the upload at its end."""
    record = await _owned_upload(user, upload_id, settings)
    if offset != record.offset:
        raise DoorstepError(
            ErrorCode.CONFLICT, "上传位置不一致。", details={"offset": record.offset}
        )
    if record.complete:
        return record
    store = blob_store(settings)
    stored = await store.partial_size(str(record.id))
    if stored < record.offset:
        # Bytes were lost (disk restored, partial removed): resume from what is there.
        await queries.advance_offset(record.id, record.offset, stored, record.expires_at)
        raise DoorstepError(ErrorCode.CONFLICT, "上传位置不一致。", details={"offset": stored})
    remaining = record.length - record.offset
    size = await store.append_partial(str(record.id), record.offset, _at_most(chunks, remaining))
    expires_at = _expiry(settings, _now())
    if size < record.length:
        if not await queries.advance_offset(record.id, record.offset, size, expires_at):
            raise DoorstepError(ErrorCode.CONFLICT, "该文件正在上传中，请稍后重试。")
        return replace(record, offset=size, expires_at=expires_at)
    return await _complete(replace(record, expires_at=expires_at), settings)


async def _at_most(chunks: AsyncIterable[bytes], limit: int) -> AsyncIterator[bytes]:
    received = 0
    async for chunk in chunks:
        received += len(chunk)
        if received > limit:
            raise DoorstepError(ErrorCode.UPLOAD_TOO_LARGE, "上传的数据超过了声明的文件大小。")
        yield chunk


async def _complete(record: PartialRecord, settings: Settings) -> PartialRecord:
    store = blob_store(settings)
    data = await store.read_partial(str(record.id))
    actual = hashlib.sha256(data).hexdigest()
    if actual != record.sha256:
        await _discard(record, settings)
        raise DoorstepError(
            ErrorCode.UPLOAD_HASH_MISMATCH, details={"expected": record.sha256, "actual": actual}
        )
    try:
        content_type = await anyio.to_thread.run_sync(verified_content_type, data)
    except DoorstepError:
        await _discard(record, settings)
        raise
    await store.finalize(str(record.id), record.sha256)
    await queries.insert_blob_if_absent(
        BlobRecord(
            sha256=record.sha256,
            size=record.length,
            content_type=content_type,
            filename=record.filename,
            uploaded_by=record.owner_id,
            created_at=_now(),
        )
    )
    await queries.advance_offset(record.id, record.offset, record.length, record.expires_at)
    await _announce(record.sha256)
    return replace(record, offset=record.length)


async def _discard(record: PartialRecord, settings: Settings) -> None:
    await blob_store(settings).delete_partial(str(record.id))
    await queries.delete_partial(record.id)


async def terminate(user: UserRecord, upload_id: UUID, settings: Settings) -> None:
    """Ends the upload and removes its bytes; a verified blob stays (others may share it)."""
    record = await _owned_upload(user, upload_id, settings)
    await _discard(record, settings)


# --- expiry --------------------------------------------------------------------------------


async def remove_expired_partials(
    settings: Settings | None = None, now: datetime | None = None, limit: int = 500
) -> int:
    """Deletes uploads whose expiry passed (bytes first, then rows); returns how many.

    Called now and then on upload creation, and every 15 minutes by the worker
    (``backend.uploads.jobs``).
    """
    settings = settings or get_settings()
    store = blob_store(settings)
    expired = await queries.expired_partial_ids(now or _now(), limit)
    for upload_id in expired:
        await store.delete_partial(str(upload_id))
        await queries.delete_partial(upload_id)
    return len(expired)


async def _clean_now_and_then(settings: Settings) -> None:
    global _last_cleanup
    if time.monotonic() - _last_cleanup < CLEANUP_INTERVAL_SECONDS:
        return
    _last_cleanup = time.monotonic()
    removed = await remove_expired_partials(settings)
    if removed:
        logger.info("removed %d expired partial uploads", removed)


async def store_server_file(data: bytes, filename: str, owner_id: UUID) -> str:
    """Stores a file the server made itself (a training drill's generated photo) as a
    verified blob and returns its sha256. Not announced to the blob-verified hooks: such a
    file is no member's upload (no photo hash is recorded, no document waits for it)."""
    sha256 = hashlib.sha256(data).hexdigest()
    if await is_verified(sha256):
        return sha256
    content_type = await anyio.to_thread.run_sync(verified_content_type, data)
    store = blob_store()
    partial = str(uuid.uuid4())

    async def chunks() -> AsyncIterator[bytes]:
        yield data

    await store.append_partial(partial, 0, chunks())
    await store.finalize(partial, sha256)
    await queries.insert_blob_if_absent(
        BlobRecord(
            sha256=sha256, size=len(data), content_type=content_type, filename=filename,
            uploaded_by=owner_id, created_at=_now(),
        )
    )
    return sha256
