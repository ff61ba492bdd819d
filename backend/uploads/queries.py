"""Every database query of the uploads domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.uploads.models import BlobRecord, PartialRecord
from backend.uploads.tables import Blob, PartialUpload


def _partial(row: dict[str, Any]) -> PartialRecord:
    return PartialRecord(
        id=row["id"],
        owner_id=row["owner"],
        length=int(row["length"]),
        offset=int(row["upload_offset"]),
        sha256=row["sha256"],
        filename=row["filename"],
        content_type=row["content_type"],
        expires_at=row["expires_at"],
    )


def _blob(row: dict[str, Any]) -> BlobRecord:
    return BlobRecord(
        sha256=row["sha256"],
        size=int(row["size"]),
        content_type=row["content_type"],
        filename=row["filename"],
        uploaded_by=row["uploaded_by"],
        created_at=row["created_at"],
    )


async def insert_partial(record: PartialRecord, created_at: datetime) -> None:
    await PartialUpload.insert(
        PartialUpload(
            id=record.id,
            owner=record.owner_id,
            length=record.length,
            upload_offset=record.offset,
            sha256=record.sha256,
            filename=record.filename,
            content_type=record.content_type,
            expires_at=record.expires_at,
            created_at=created_at,
        )
    )


async def partial_by_id(upload_id: UUID) -> PartialRecord | None:
    row = await PartialUpload.select().where(PartialUpload.id == upload_id).first()
    return _partial(row) if row else None


async def advance_offset(upload_id: UUID, old: int, new: int, expires_at: datetime) -> bool:
    """Moves the offset only if nobody else moved it meanwhile; returns whether it did."""
    rows = (
        await PartialUpload.update(
            {PartialUpload.upload_offset: new, PartialUpload.expires_at: expires_at}
        )
        .where((PartialUpload.id == upload_id) & (PartialUpload.upload_offset == old))
        .returning(PartialUpload.id)
    )
    return bool(rows)


async def delete_partial(upload_id: UUID) -> None:
    await PartialUpload.delete().where(PartialUpload.id == upload_id)


async def expired_partial_ids(now: datetime, limit: int) -> list[UUID]:
    rows = (
        await PartialUpload.select(PartialUpload.id)
        .where(PartialUpload.expires_at < now)
        .limit(limit)
    )
    return [row["id"] for row in rows]


async def blob_by_sha256(sha256: str) -> BlobRecord | None:
    row = await Blob.select().where(Blob.sha256 == sha256).first()
    return _blob(row) if row else None


async def blob_exists(sha256: str) -> bool:
    return bool(await Blob.exists().where(Blob.sha256 == sha256))


async def insert_blob_if_absent(record: BlobRecord) -> None:
    """The first verified upload of a hash is recorded; later ones leave the row as it is."""
    await Blob.insert(
        Blob(
            sha256=record.sha256,
            size=record.size,
            content_type=record.content_type,
            filename=record.filename,
            uploaded_by=record.uploaded_by,
            created_at=record.created_at,
        )
    ).on_conflict(action="DO NOTHING")
