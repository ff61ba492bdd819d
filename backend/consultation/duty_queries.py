"""Every database query of the 在线客服 duty roster and the department membership."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.consultation.models import Department, DutyShift
from backend.consultation.tables import DepartmentMember
from backend.consultation.tables import DutyShift as DutyShiftRow

S = DutyShiftRow
M = DepartmentMember


def _shift(row: dict[str, Any]) -> DutyShift:
    return DutyShift(
        id=row["id"],
        user_id=row["user_id"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        set_by=row["set_by"],
    )


async def shifts_between(start: datetime, end: datetime) -> list[DutyShift]:
    """Shifts that overlap [start, end), earliest first."""
    rows = (
        await S.select()
        .where((S.starts_at < end) & (S.ends_at > start))
        .order_by(S.starts_at, S.ends_at, S.id)
    )
    return [_shift(row) for row in rows]


async def insert_shift(shift: DutyShift, at: datetime) -> None:
    await S.insert(
        S(
            id=shift.id,
            user_id=shift.user_id,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            set_by=shift.set_by,
            set_at=at,
        )
    )


async def delete_shift(shift_id: UUID) -> bool:
    if not await S.exists().where(S.id == shift_id):
        return False
    await S.delete().where(S.id == shift_id)
    return True


async def hand_over_shifts(from_user: UUID, to_user: UUID, after: datetime) -> int:
    """Shifts of a leaver that have not ended yet go to their successor."""
    query = S.select(S.id).where((S.user_id == from_user) & (S.ends_at > after))
    ids = [row["id"] for row in await query]
    if ids:
        await S.update({S.user_id: to_user}).where(S.id.is_in(ids))
    return len(ids)


async def members() -> list[tuple[Department, UUID]]:
    rows = await M.select(M.department, M.user_id).order_by(M.department).order_by(M.added_at)
    return [(Department(row["department"]), row["user_id"]) for row in rows]


async def departments_of(user_id: UUID) -> list[Department]:
    rows = await M.select(M.department).where(M.user_id == user_id)
    return sorted({Department(row["department"]) for row in rows})


async def replace_members(
    department: Department, user_ids: list[UUID], actor_id: UUID, at: datetime
) -> None:
    """The department's members become exactly ``user_ids`` (call inside a transaction)."""
    await M.delete().where(M.department == str(department))
    if user_ids:
        await M.insert(
            *(
                M(id=uuid.uuid4(), department=str(department), user_id=user_id,
                  added_by=actor_id, added_at=at)
                for user_id in user_ids
            )
        )
