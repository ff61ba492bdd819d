"""Pull cursors (pure). Opaque to clients: base64url of a small versioned record.

A cursor is either a position in the change log (``LogCursor``), or a position in a full
sync that reads current state (``SnapshotCursor``: which entity, after which key, and the
log head when the full sync began, where the log takes over). Every cursor carries the
log's epoch and the caller's scope fingerprint: a different epoch (a new or restored
log) or scope (new team, unit or role) makes the cursor invalid, and the client resets.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

_FORMAT = "c1"


@dataclass(frozen=True, slots=True)
class LogCursor:
    epoch: str
    scope: str
    seq: int


@dataclass(frozen=True, slots=True)
class SnapshotCursor:
    epoch: str
    scope: str
    head: int
    entity: str
    after: str  # "" = from the start of this entity


Cursor = LogCursor | SnapshotCursor


def encode_cursor(cursor: Cursor) -> str:
    if isinstance(cursor, LogCursor):
        parts = [_FORMAT, "L", cursor.epoch, cursor.scope, str(cursor.seq)]
    else:
        parts = [_FORMAT, "S", cursor.epoch, cursor.scope, str(cursor.head), cursor.entity,
                 cursor.after]
    raw = "|".join(parts).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str) -> Cursor | None:
    """The cursor, or None when it is not one this server wrote."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    parts = raw.split("|")
    try:
        if parts[:2] == [_FORMAT, "L"] and len(parts) == 5:
            return LogCursor(parts[2], parts[3], _natural(parts[4]))
        if parts[:2] == [_FORMAT, "S"] and len(parts) == 7:
            return SnapshotCursor(parts[2], parts[3], _natural(parts[4]), parts[5], parts[6])
    except ValueError:
        return None
    return None


def _natural(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value
