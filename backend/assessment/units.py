"""Management units (管理部) and each staff member's employer and contract (admins)."""

from __future__ import annotations

import uuid
from datetime import date
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.assessment import queries
from backend.assessment.queries import Employment
from backend.errors import DoorstepError, ErrorCode


def _admin(user: UserRecord) -> None:
    if user.role != Role.ADMIN:
        raise DoorstepError(ErrorCode.FORBIDDEN)


async def list_units(user: UserRecord) -> list[tuple[UUID, str]]:
    if user.role not in (Role.ADMIN, Role.SUPERVISOR):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    return await queries.units()


async def create_unit(user: UserRecord, name: str) -> tuple[UUID, str]:
    _admin(user)
    name = name.strip()
    if not name or len(name) > 100:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "请填写管理部名称", field="name")
    unit_id = uuid.uuid4()
    if not await queries.insert_unit(unit_id, name):
        raise DoorstepError(ErrorCode.CONFLICT, "该管理部已存在", field="name")
    return unit_id, name


async def set_employment(
    user: UserRecord, user_id: UUID, unit_id: UUID | None, employer: str,
    contract_end: date | None,
) -> Employment:
    _admin(user)
    if await accounts.user_by_id(user_id) is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="userId")
    if unit_id is not None and unit_id not in {u for u, _ in await queries.units()}:
        raise DoorstepError(ErrorCode.NOT_FOUND, "没有该管理部", field="unitId")
    employer = employer.strip() or "中心"
    if len(employer) > 100:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "用人单位名称太长", field="employer")
    employment = Employment(user_id, unit_id, employer, contract_end)
    await queries.save_employment(employment)
    return employment
