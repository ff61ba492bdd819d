"""Whether a document's file is already on the server (the uploads domain decides)."""

from __future__ import annotations

from backend.uploads.service import is_verified


async def blob_is_verified(sha256: str) -> bool:
    return await is_verified(sha256)
