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
class Session:
    token: str
    refresh_token: str
    expires_at: datetime
    user: UserRecord
