"""tus 1.0.0 header values (pure functions): the protocol constants and formatting."""

from __future__ import annotations

import base64
from datetime import datetime
from email.utils import format_datetime

from backend.errors import DoorstepError, ErrorCode
from backend.uploads.models import PartialRecord

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,termination,expiration"
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"


def http_date(moment: datetime) -> str:
    """RFC 9110 date, as the expiration extension's Upload-Expires wants it."""
    return format_datetime(moment, usegmt=True)


def parse_offset(header: str | None) -> int:
    if header is None or not header.isdigit() or len(header) > 19:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST, "缺少或无效的 Upload-Offset。", field="Upload-Offset"
        )
    return int(header)


def encode_metadata(record: PartialRecord) -> str:
    pairs = {"sha256": record.sha256, "filename": record.filename}
    if record.content_type:
        pairs["contentType"] = record.content_type
    return ",".join(
        f"{key} {base64.b64encode(value.encode()).decode('ascii')}" for key, value in pairs.items()
    )


def progress_headers(record: PartialRecord) -> dict[str, str]:
    """Upload-Offset, and Upload-Expires while the upload can still expire."""
    headers = {"Tus-Resumable": TUS_VERSION, "Upload-Offset": str(record.offset)}
    if not record.complete:
        headers["Upload-Expires"] = http_date(record.expires_at)
    return headers
