"""The seam with the uploads domain: is a blob verified, and what to do when one is."""

from __future__ import annotations

import logging

log = logging.getLogger("doorstep.cases")


async def blob_is_verified(sha256: str) -> bool:
    # The uploads domain is written alongside this one; until its service exists every
    # blob counts as not yet uploaded, and the verified hook flips documents later.
    try:
        from backend.uploads.service import is_verified
    except ImportError:
        return False
    return await is_verified(sha256)


async def on_blob_verified(sha256: str) -> None:
    from backend.cases.service import mark_blob_uploaded

    count = await mark_blob_uploaded(sha256)
    if count:
        log.info("blob %s… verified: %d document(s) uploaded", sha256[:12], count)


def register_upload_hooks() -> None:
    """Called once when the app is assembled; safe to call again."""
    from backend.uploads.events import blob_verified_handlers

    if on_blob_verified not in blob_verified_handlers:
        blob_verified_handlers.append(on_blob_verified)
