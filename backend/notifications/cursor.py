"""Pure rule: the inbox's opaque cursor, a position in (created_at, id) order."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from uuid import UUID

from backend.errors import DoorstepError, ErrorCode


def encode_cursor(created_at: datetime, item_id: UUID) -> str:
    raw = f"{created_at.isoformat()}|{item_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, _, item_id = raw.partition("|")
        created_at = datetime.fromisoformat(when)
        if created_at.tzinfo is None:
            raise ValueError("naive time")
        return created_at, UUID(item_id)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise DoorstepError(ErrorCode.BAD_REQUEST, field="after") from None
