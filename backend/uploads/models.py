"""Plain records of the uploads domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class UploadRequest:
    """What a client declares when it creates an upload (from Upload-Length/-Metadata)."""

    length: int
    sha256: str
    filename: str
    content_type: str | None


@dataclass(frozen=True, slots=True)
class PartialRecord:
    id: UUID
    owner_id: UUID
    length: int
    offset: int
    sha256: str
    filename: str
    content_type: str | None
    expires_at: datetime

    @property
    def complete(self) -> bool:
        """The offset reaches the length only once the hash and content were verified."""
        return self.offset == self.length


@dataclass(frozen=True, slots=True)
class BlobRecord:
    sha256: str
    size: int
    content_type: str
    filename: str
    uploaded_by: UUID
    created_at: datetime
