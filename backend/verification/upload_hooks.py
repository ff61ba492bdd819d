"""When an upload is verified, its photo's perceptual hash is kept for IMAGE_REUSED."""

from __future__ import annotations

import logging

from backend.uploads.events import blob_verified_handlers
from backend.verification.service import record_photo_hash

log = logging.getLogger("doorstep.verification")


async def on_blob_verified(sha256: str) -> None:
    if await record_photo_hash(sha256) is None:
        log.info("blob %s… is not a photo: no perceptual hash", sha256[:12])


def register_upload_hooks() -> None:
    """Called once when the app is assembled; safe to call again."""
    if on_blob_verified not in blob_verified_handlers:
        blob_verified_handlers.append(on_blob_verified)
