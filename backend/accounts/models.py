"""Plain records the rest of the system passes around (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from backend.accounts.roles import Role


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: UUID
    username: str
    display_name: str
    role: Role
    team_id: UUID | None
    unit_id: UUID | None
    active: bool
    token_version: int


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a valid access token speaks for: the user and the signed-in device."""

    user: UserRecord
    device_id: str
    revoked_client: str | None = None
    """Set when the device was revoked (the client id it was revoked through)."""


@dataclass(frozen=True, slots=True)
class Session:
    token: str
    refresh_token: str
    expires_at: datetime
    user: UserRecord


@dataclass(frozen=True, slots=True)
class DeviceRevocationRecord:
    client_id: str
    user_id: UUID
    revoked_by: UUID
    revoked_at: datetime
    final_push_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeviceUse:
    """One sync client id as a user's device used it (from ``device_client``)."""

    client_id: str
    user_id: UUID
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True, slots=True)
class DeviceEntry:
    """A device in the device list: its owner, activity and revocation (if any)."""

    client_id: str
    user: UserRecord
    first_seen: datetime
    last_seen: datetime
    revocation: DeviceRevocationRecord | None
    revoked_by: UserRecord | None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    at: datetime
    actor_id: UUID
    actor_name: str
    device: str | None
    action: str
    case_id: UUID | None
    detail: str = ""
