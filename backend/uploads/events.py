"""Hooks awaited after an upload completes and its sha256 is verified.

Other domains (cases) append an async handler taking the blob's sha256, e.g. to mark the
documents that reference that hash as present. Handlers run in registration order after the
blob is stored and recorded; an exception in one is logged and does not undo the upload.
They also run when someone uploads content that was already verified (the upload completes
at creation), so a handler must be idempotent.
"""

from collections.abc import Awaitable, Callable

BlobVerifiedHandler = Callable[[str], Awaitable[None]]

blob_verified_handlers: list[BlobVerifiedHandler] = []
