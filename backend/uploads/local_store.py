"""``BlobStore`` on a local directory: ``partial/<upload id>`` and ``blobs/ab/cd/<sha256>``.

Durability: an append is fsynced before it returns (the caller then records the offset);
``finalize`` renames within one filesystem (atomic) and fsyncs the directory, so a blob
either exists whole or not at all. Concurrent appends to one partial (two app processes,
or a client retrying while its cut request is still being read) are refused with a
CONFLICT through an exclusive ``flock`` on the partial file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import AsyncIterable
from pathlib import Path
from typing import BinaryIO

import anyio.to_thread

from backend.errors import DoorstepError, ErrorCode

_UPLOAD_ID = re.compile(r"[0-9a-f][0-9a-f-]{0,63}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.partials = root / "partial"
        self.blobs = root / "blobs"

    # Keys are checked here too: nothing from a request ever becomes a path unchecked.
    def _partial_path(self, upload_id: str) -> Path:
        if not _UPLOAD_ID.fullmatch(upload_id):
            raise ValueError(f"not an upload id: {upload_id!r}")
        return self.partials / upload_id

    def blob_path(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.blobs / sha256[:2] / sha256[2:4] / sha256

    def _open_for_append(self, path: Path, offset: int) -> BinaryIO:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")  # noqa: SIM115  (closed by append_partial)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise DoorstepError(ErrorCode.CONFLICT, "该文件正在上传中，请稍后重试。") from None
        size = os.fstat(handle.fileno()).st_size
        if offset > size:
            handle.close()
            raise DoorstepError(ErrorCode.CONFLICT, details={"offset": size})
        handle.truncate(offset)
        return handle

    @staticmethod
    def _close_durably(handle: BinaryIO) -> int:
        try:
            handle.flush()
            os.fsync(handle.fileno())
            return os.fstat(handle.fileno()).st_size
        finally:
            handle.close()  # also releases the flock

    async def append_partial(
        self, upload_id: str, offset: int, chunks: AsyncIterable[bytes]
    ) -> int:
        path = self._partial_path(upload_id)
        handle = await anyio.to_thread.run_sync(self._open_for_append, path, offset)
        try:
            async for chunk in chunks:
                if chunk:
                    await anyio.to_thread.run_sync(handle.write, chunk)
        finally:
            size = await anyio.to_thread.run_sync(self._close_durably, handle)
        return size

    async def partial_size(self, upload_id: str) -> int:
        try:
            return self._partial_path(upload_id).stat().st_size
        except FileNotFoundError:
            return 0

    async def read_partial(self, upload_id: str) -> bytes:
        return await anyio.to_thread.run_sync(self._partial_path(upload_id).read_bytes)

    async def delete_partial(self, upload_id: str) -> None:
        self._partial_path(upload_id).unlink(missing_ok=True)

    def _finalize(self, upload_id: str, sha256: str) -> None:
        source = self._partial_path(upload_id)
        target = self.blob_path(sha256)
        if target.exists():
            source.unlink(missing_ok=True)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        source.chmod(0o444)  # blobs are immutable
        os.replace(source, target)
        _fsync_directory(target.parent)
        with contextlib.suppress(OSError):
            _fsync_directory(source.parent)

    async def finalize(self, upload_id: str, sha256: str) -> None:
        await anyio.to_thread.run_sync(self._finalize, upload_id, sha256)

    async def exists(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    async def read(self, sha256: str) -> bytes:
        return await anyio.to_thread.run_sync(self.blob_path(sha256).read_bytes)

    async def size(self, sha256: str) -> int:
        return self.blob_path(sha256).stat().st_size

    async def delete(self, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)
