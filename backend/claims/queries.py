"""Database access for employer links (``backend.claims.links``); nothing else touches
the ``employer_link`` table."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.cases.tables import EmployerLink  # registered in the cases app (no data moved)
from backend.claims.models import LinkRecord


def _record(row: dict[str, Any]) -> LinkRecord:
    return LinkRecord(
        id=row["id"],
        case_id=row["case_id"],
        token_hash=row["token_hash"],
        code_hash=row["code_hash"],
        offered_by=row["offered_by"],
        offered_at=row["offered_at"],
        expires_at=row["expires_at"],
        failed_attempts=row["failed_attempts"],
        claimed_at=row["claimed_at"],
        claimed_unit=row["claimed_unit"],
        claimed_by=row["claimed_by"],
    )


async def insert_link(link: LinkRecord) -> bool:
    """Adds the link unless its id or token is already known; returns whether it was added."""
    taken = await EmployerLink.exists().where(
        (EmployerLink.id == link.id) | (EmployerLink.token_hash == link.token_hash)
    )
    if taken:
        return False
    await EmployerLink.insert(
        EmployerLink(
            id=link.id,
            case_id=link.case_id,
            token_hash=link.token_hash,
            code_hash=link.code_hash,
            offered_by=link.offered_by,
            offered_at=link.offered_at,
            expires_at=link.expires_at,
            failed_attempts=link.failed_attempts,
        )
    )
    return True


async def link_by_token(token_hash: str) -> LinkRecord | None:
    row = await EmployerLink.select().where(EmployerLink.token_hash == token_hash).first()
    return _record(row) if row else None


async def count_failure(link_id: UUID) -> int:
    """One more wrong code for the link; returns the new count (kept even when the caller
    then refuses the request)."""
    await EmployerLink.update(
        {EmployerLink.failed_attempts: EmployerLink.failed_attempts + 1}
    ).where(EmployerLink.id == link_id)
    row = (
        await EmployerLink.select(EmployerLink.failed_attempts)
        .where(EmployerLink.id == link_id)
        .first()
    )
    return int(row["failed_attempts"]) if row else 0


async def mark_claimed(link_id: UUID, unit_id: UUID, user_id: UUID, at: datetime) -> bool:
    """Claims the link for ``unit_id`` unless someone claimed it first."""
    await EmployerLink.update(
        {
            EmployerLink.claimed_at: at,
            EmployerLink.claimed_unit: unit_id,
            EmployerLink.claimed_by: user_id,
        }
    ).where((EmployerLink.id == link_id) & EmployerLink.claimed_at.is_null())
    row = (
        await EmployerLink.select(EmployerLink.claimed_by).where(EmployerLink.id == link_id).first()
    )
    return row is not None and row["claimed_by"] == user_id


async def expire_link(link_id: UUID, at: datetime) -> None:
    """Tests and administrators: the link stops working at ``at``."""
    await EmployerLink.update({EmployerLink.expires_at: at}).where(EmployerLink.id == link_id)


async def guests_claimed_between(start: datetime, end: datetime) -> list[UUID]:
    """Who claimed a link in [start, end) (employers and one-time-code guests alike)."""
    rows = await EmployerLink.select(EmployerLink.claimed_by).where(
        (EmployerLink.claimed_at >= start)
        & (EmployerLink.claimed_at < end)
        & EmployerLink.claimed_by.is_not_null()
    )
    return [row["claimed_by"] for row in rows]
