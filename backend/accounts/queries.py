"""Every database query of the accounts domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.models import AuditRecord, DeviceRevocationRecord, DeviceUse, UserRecord
from backend.accounts.roles import Role
from backend.accounts.tables import (
    AuditEntry,
    DeviceClient,
    DeviceRevocation,
    LoginAttempt,
    RevokedDeviceSession,
    Team,
    Unit,
    User,
)


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


async def users_with_role(role: Role) -> list[UserRecord]:
    return [_record(row) for row in await User.select().where(User.role == str(role))]


async def password_hashes() -> list[tuple[str, str]]:
    """(username, hash) of every active user: for the production start-up check."""
    rows = await User.select(User.username, User.password_hash).where(
        User.active == True  # noqa: E712  (Piccolo builds SQL from ==)
    )
    return [(row["username"], row["password_hash"]) for row in rows]


def _revocation(row: dict[str, Any]) -> DeviceRevocationRecord:
    return DeviceRevocationRecord(
        client_id=row["client_id"],
        user_id=row["user_id"],
        revoked_by=row["revoked_by"],
        revoked_at=row["revoked_at"],
        final_push_at=row["final_push_at"],
    )


async def device_revocation(client_id: str) -> DeviceRevocationRecord | None:
    row = await DeviceRevocation.select().where(DeviceRevocation.client_id == client_id).first()
    return _revocation(row) if row else None


async def insert_revocation_if_absent(record: DeviceRevocationRecord) -> None:
    await DeviceRevocation.insert(
        DeviceRevocation(
            client_id=record.client_id,
            user_id=record.user_id,
            revoked_by=record.revoked_by,
            revoked_at=record.revoked_at,
            final_push_at=None,
        )
    ).on_conflict(action="DO NOTHING")


async def use_final_push(client_id: str, at: datetime) -> bool:
    """Marks the one push allowed after revocation as used; False if it already was."""
    updated = (
        await DeviceRevocation.update({DeviceRevocation.final_push_at: at})
        .where((DeviceRevocation.client_id == client_id) & DeviceRevocation.final_push_at.is_null())
        .returning(DeviceRevocation.client_id)
    )
    return bool(updated)


async def device_used_client(client_id: str, device_id: str) -> bool:
    row = await DeviceClient.exists().where(
        (DeviceClient.client_id == client_id) & (DeviceClient.device_id == device_id)
    )
    return bool(row)


async def link_device_client(client_id: str, device_id: str, user_id: UUID, at: datetime) -> None:
    await DeviceClient.insert(
        DeviceClient(
            client_id=client_id, device_id=device_id, user_id=user_id, first_seen=at, last_seen=at
        )
    )


async def touch_device_client(client_id: str, device_id: str, at: datetime) -> None:
    """The device pushed or pulled again with ``client_id`` (its last-seen time)."""
    await DeviceClient.update({DeviceClient.last_seen: at}).where(
        (DeviceClient.client_id == client_id) & (DeviceClient.device_id == device_id)
    )


async def device_uses(user_ids: list[UUID] | None) -> list[DeviceUse]:
    """Client ids the users' devices used (every user's when ``None``), one per client id
    and user: first and last seen over the device sessions that used it."""
    query = DeviceClient.select(
        DeviceClient.client_id,
        DeviceClient.user_id,
        DeviceClient.first_seen,
        DeviceClient.last_seen,
    )
    if user_ids is not None:
        if not user_ids:
            return []
        query = query.where(DeviceClient.user_id.is_in(user_ids))
    uses: dict[tuple[str, UUID], DeviceUse] = {}
    for row in await query:
        user_id = UUID(str(row["user_id"]))
        first: datetime = row["first_seen"]
        last: datetime = row["last_seen"] or first
        key = (str(row["client_id"]), user_id)
        known = uses.get(key)
        if known is not None:
            first, last = min(first, known.first_seen), max(last, known.last_seen)
        uses[key] = DeviceUse(key[0], user_id, first, last)
    return list(uses.values())


async def device_revocations(client_ids: list[str]) -> list[DeviceRevocationRecord]:
    if not client_ids:
        return []
    rows = await DeviceRevocation.select().where(DeviceRevocation.client_id.is_in(client_ids))
    return [_revocation(row) for row in rows]


async def devices_of_client(client_id: str) -> list[str]:
    rows = await DeviceClient.select(DeviceClient.device_id).where(
        DeviceClient.client_id == client_id
    )
    return sorted({row["device_id"] for row in rows})


async def user_of_client(client_id: str) -> UUID | None:
    row = (
        await DeviceClient.select(DeviceClient.user_id)
        .where(DeviceClient.client_id == client_id)
        .first()
    )
    return UUID(str(row["user_id"])) if row else None


async def revoked_device_client(device_id: str) -> str | None:
    """The revoked client id through which ``device_id`` was revoked, if it was."""
    row = (
        await RevokedDeviceSession.select(RevokedDeviceSession.client_id)
        .where(RevokedDeviceSession.device_id == device_id)
        .first()
    )
    return str(row["client_id"]) if row else None


async def revoke_device_sessions(
    device_ids: list[str], user_id: UUID, client_id: str, at: datetime
) -> None:
    for device_id in device_ids:
        await RevokedDeviceSession.insert(
            RevokedDeviceSession(
                device_id=device_id, user_id=user_id, client_id=client_id, revoked_at=at
            )
        ).on_conflict(action="DO NOTHING")


async def append_audit(entry: AuditRecord) -> None:
    await AuditEntry.insert(
        AuditEntry(
            at=entry.at,
            actor_id=entry.actor_id,
            actor_name=entry.actor_name,
            device=entry.device,
            action=entry.action,
            case_id=entry.case_id,
            detail=entry.detail,
        )
    )


async def audit_entries(case_id: UUID | None = None) -> list[AuditRecord]:
    query = AuditEntry.select().order_by(AuditEntry.id)
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    return [
        AuditRecord(
            at=row["at"],
            actor_id=row["actor_id"],
            actor_name=row["actor_name"],
            device=row["device"],
            action=row["action"],
            case_id=row["case_id"],
            detail=row["detail"],
        )
        for row in await query
    ]
