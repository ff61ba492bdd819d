"""Where upload bytes live: the ``BlobStore`` interface.

Two kinds of objects: *partials* (a tus upload in progress, keyed by its upload id,
appended to) and *blobs* (verified files, keyed by their sha256, immutable). The database
row of a partial holds the authoritative offset; a store may hold more bytes than that
(a write that was cut before the offset was recorded) and must discard them on the next
append at the recorded offset.

Implementations: :class:`backend.uploads.local_store.LocalBlobStore` (a directory; the
default). All of them pass ``tests/unit/uploads/test_blob_store_contract.py``.

An S3-compatible store for production (add it as ``s3_store.py`` with a client such as
``minio`` or ``aiobotocore`` and register it in ``backend.uploads.service.blob_store``):

- blobs are objects ``blobs/ab/cd/<sha256>`` (``exists``/``size`` = HEAD object,
  ``read`` = GET, ``delete`` = DELETE); they are written once and never modified, so S3's
  consistency is enough;
- partials are appended to, which S3 cannot do in place. Either keep partials on the app
  node's local disk (a ``LocalBlobStore`` for partials; this needs sticky routing of
  ``/uploads/<id>`` or one app node) and let ``finalize`` upload the verified file with a
  single PUT (uploads are capped at tens of MiB), or follow tusd's s3store: one multipart
  upload per partial, each PATCH buffered to parts of at least 5 MiB, the offset being the
  sum of the completed parts (``append_partial`` then truncates to a part boundary);
- ``finalize`` = copy or complete to ``blobs/ab/cd/<sha256>`` (skip when it exists), then
  delete the partial; the database row is written only after it returns.
"""

from __future__ import annotations

from collections.abc import AsyncIterable
from typing import Protocol


class BlobStore(Protocol):
    async def append_partial(
        self, upload_id: str, offset: int, chunks: AsyncIterable[bytes]
    ) -> int:
        """Writes ``chunks`` at ``offset`` (dropping any bytes stored past it) and returns the
        partial's size afterwards. ``offset`` beyond the stored size is a CONFLICT; so is a
        second writer on the same partial at the same time. If ``chunks`` raises, the error
        propagates (bytes already written may remain past the recorded offset)."""
        ...

    async def partial_size(self, upload_id: str) -> int:
        """Bytes stored for the partial; 0 when it has none."""
        ...

    async def read_partial(self, upload_id: str) -> bytes: ...

    async def delete_partial(self, upload_id: str) -> None:
        """Removes the partial; no error if it does not exist."""
        ...

    async def finalize(self, upload_id: str, sha256: str) -> None:
        """Makes the (verified) partial the blob ``sha256`` atomically and removes the
        partial; if the blob already exists, only removes the partial."""
        ...

    async def exists(self, sha256: str) -> bool: ...

    async def read(self, sha256: str) -> bytes:
        """The blob's bytes; FileNotFoundError if there is none."""
        ...

    async def size(self, sha256: str) -> int:
        """The blob's size; FileNotFoundError if there is none."""
        ...

    async def delete(self, sha256: str) -> None:
        """Removes the blob; no error if it does not exist."""
        ...
