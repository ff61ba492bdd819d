"""The append-only audit trail of sensitive views (full ID numbers) and actions."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import queries
from backend.accounts.models import AuditRecord, UserRecord

VIEW_FULL_IDENTITY = "view_full_identity"


async def record(
    user: UserRecord, action: str, *, device: str | None, case_id: UUID | None, detail: str = ""
) -> None:
    await queries.append_audit(
        AuditRecord(
            at=datetime.now(UTC),
            actor_id=user.id,
            actor_name=user.username,
            device=(device or None) and device[:64],
            action=action,
            case_id=case_id,
            detail=detail[:200],
        )
    )


async def entries(case_id: UUID | None = None) -> list[AuditRecord]:
    return await queries.audit_entries(case_id)
