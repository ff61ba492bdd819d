"""Hooks awaited after an upload completes and its sha256 is verified.

Other domains (cases) append an async handler taking the blob's sha256, e.g. to mark the
documents that reference that hash as present. Handlers run in registration order after the
blob is stored and recorded; an exception in one is logged and does not undo the upload.
They also run when someone uploads content that was already verified (the upload completes
at creation), so a handler must be idempotent.

``file_access_checks``: who may fetch a verified file (``GET /files/{sha256}``). The domains
whose records reference files (cases) append a check; a user sees the file when one says
yes, and nobody does while none is registered.
"""

from collections.abc import Awaitable, Callable

from backend.accounts.models import UserRecord

BlobVerifiedHandler = Callable[[str], Awaitable[None]]

blob_verified_handlers: list[BlobVerifiedHandler] = []

FileAccessCheck = Callable[[UserRecord, str], Awaitable[bool]]

file_access_checks: list[FileAccessCheck] = []


async def may_see_file(user: UserRecord, sha256: str) -> bool:
    for check in file_access_checks:
        if await check(user, sha256):
            return True
    return False
