"""When an upload is verified, the documents waiting for that file become ``uploaded``; and
who may fetch a file: whoever may see a case with a document of it."""

from __future__ import annotations

import logging

from backend.cases.reads import may_see_file
from backend.cases.service import mark_blob_uploaded
from backend.uploads.events import blob_verified_handlers, file_access_checks

log = logging.getLogger("doorstep.cases")


async def on_blob_verified(sha256: str) -> None:
    count = await mark_blob_uploaded(sha256)
    if count:
        log.info("blob %s… verified: %d document(s) now uploaded", sha256[:12], count)


def register_upload_hooks() -> None:
    """Called once when the app is assembled; safe to call again."""
    if on_blob_verified not in blob_verified_handlers:
        blob_verified_handlers.append(on_blob_verified)
    if may_see_file not in file_access_checks:
        file_access_checks.append(may_see_file)
