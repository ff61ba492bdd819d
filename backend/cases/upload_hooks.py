"""When an upload is verified, the documents waiting for that file become ``uploaded``."""

from __future__ import annotations

import logging

from backend.cases.service import mark_blob_uploaded
from backend.uploads.events import blob_verified_handlers

log = logging.getLogger("doorstep.cases")


async def on_blob_verified(sha256: str) -> None:
    count = await mark_blob_uploaded(sha256)
    if count:
        log.info("blob %s… verified: %d document(s) now uploaded", sha256[:12], count)


def register_upload_hooks() -> None:
    """Called once when the app is assembled; safe to call again."""
    if on_blob_verified not in blob_verified_handlers:
        blob_verified_handlers.append(on_blob_verified)
