"""Every database query of the accounts domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.accounts.tables import LoginAttempt, Team, Unit, User


def _record(row: dict[str, Any]) -> UserRecord:
    return UserRecord(
        id=row["id"],
        username=row["username"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        team_id=row["team"],
        unit_id=row["unit"],
        active=bool(row["active"]),
        token_version=int(row["token_version"]),
    )


async def user_by_username(username: str) -> tuple[UserRecord, str] | None:
    """The user and their password hash."""
    row = await User.select().where(User.username == username).first()
    return (_record(row), row["password_hash"]) if row else None


async def user_by_id(user_id: UUID) -> UserRecord | None:
    row = await User.select().where(User.id == user_id).first()
    return _record(row) if row else None


async def users_by_ids(user_ids: list[UUID]) -> list[UserRecord]:
    if not user_ids:
        return []
    rows = await User.select().where(User.id.is_in(user_ids))
    return [_record(row) for row in rows]


async def team_members(team_id: UUID) -> list[UserRecord]:
    rows = await User.select().where(User.team == team_id)
    return [_record(row) for row in rows]


async def raise_token_version(user_id: UUID) -> None:
    await User.update({User.token_version: User.token_version + 1}).where(User.id == user_id)


async def count_failures_since(username: str, address: str, since: datetime) -> tuple[int, int]:
    """Failed attempts since ``since``: (for this username, from this address)."""
    by_user = await LoginAttempt.count().where(
        (LoginAttempt.username == username)
        & (LoginAttempt.succeeded == False)  # noqa: E712  (Piccolo builds SQL from ==)
        & (LoginAttempt.at >= since)
    )
    by_address = await LoginAttempt.count().where(
        (LoginAttempt.address == address)
        & (LoginAttempt.succeeded == False)  # noqa: E712
        & (LoginAttempt.at >= since)
    )
    return int(by_user), int(by_address)


async def record_attempt(username: str, address: str, succeeded: bool, at: datetime) -> None:
    await LoginAttempt.insert(
        LoginAttempt(username=username, address=address, succeeded=succeeded, at=at)
    )


async def forget_attempts_before(cutoff: datetime) -> None:
    await LoginAttempt.delete().where(LoginAttempt.at < cutoff)


async def ensure_team(team_id: UUID, name: str) -> None:
    if not await Team.exists().where(Team.id == team_id):
        await Team.insert(Team(id=team_id, name=name))


async def ensure_unit(unit_id: UUID, name: str, uscc: str | None) -> None:
    if not await Unit.exists().where(Unit.id == unit_id):
        await Unit.insert(Unit(id=unit_id, name=name, uscc=uscc))


async def insert_user_if_absent(
    *,
    user_id: UUID,
    username: str,
    display_name: str,
    role: Role,
    password_hash: str,
    team_id: UUID | None,
    unit_id: UUID | None,
    created_at: datetime,
) -> bool:
    if await User.exists().where(User.username == username):
        return False
    await User.insert(
        User(
            id=user_id,
            username=username,
            display_name=display_name,
            role=str(role),
            password_hash=password_hash,
            team=team_id,
            unit=unit_id,
            created_at=created_at,
        )
    )
    return True


async def set_active(user_id: UUID, active: bool) -> None:
    await User.update({User.active: active}).where(User.id == user_id)
