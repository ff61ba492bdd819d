"""Use cases of department membership (业务科室): an admin sets who works in which
department; members see and answer that department's feedback queue."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.consultation import duty_queries as queries
from backend.consultation.models import Department
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes as sync_changes

# Supervisors and admins oversee every department's queue.
OVERSEERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
MEMBER_ROLES = frozenset({Role.FIELD_STAFF, Role.SUPERVISOR, Role.ADMIN})


def parse_department(value: str, field: str = "department") -> Department:
    try:
        return Department(value)
    except ValueError:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "未知的科室。", field=field) from None


async def memberships() -> dict[Department, list[UserRecord]]:
    """Every department (also those without members) with its members."""
    pairs = await queries.members()
    people = {p.id: p for p in await accounts.users_by_ids(list({u for _, u in pairs}))}
    found: dict[Department, list[UserRecord]] = {d: [] for d in Department}
    for department, user_id in pairs:
        if user_id in people:
            found[department].append(people[user_id])
    return found


async def assignable_staff() -> list[UserRecord]:
    """Active staff who may be put on 在线客服 duty or in a department, by name."""
    people = [p for role in MEMBER_ROLES for p in await accounts.users_with_role(role)]
    return sorted((p for p in people if p.active), key=lambda p: (p.display_name, p.username))


async def departments_of(user: UserRecord) -> list[Department]:
    return await queries.departments_of(user.id)


async def set_members(actor: UserRecord, department: str, user_ids: list[UUID]) -> list[UserRecord]:
    """The department's members become exactly these staff (admins only)."""
    if actor.role is not Role.ADMIN:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    which = parse_department(department)
    wanted = list(dict.fromkeys(user_ids))
    people = await accounts.users_by_ids(wanted)
    if len(people) != len(wanted) or any(
        not p.active or p.role not in MEMBER_ROLES for p in people
    ):
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "科室成员须为在职员工。", field="userIds"
        )
    async with sync_changes.write_transaction():
        await queries.replace_members(which, wanted, actor.id, datetime.now(UTC))
    order = {user_id: n for n, user_id in enumerate(wanted)}
    return sorted(people, key=lambda p: order[p.id])
