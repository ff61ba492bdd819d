"""Plain records of the notifications domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: UUID
    user_id: UUID
    kind: str
    title: str
    body: str
    case_id: UUID | None
    created_at: datetime
    read_at: datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class InboxPage:
    items: list[InboxItem]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True, slots=True)
class Subscriber:
    """A push subscription as notify needs it: whose, and which."""

    id: UUID
    user_id: UUID


@dataclass(frozen=True, slots=True)
class PushTarget:
    """Everything one delivery attempt needs, read in one query."""

    delivery_id: UUID
    status: str
    attempts: int
    subscription_id: UUID | None
    endpoint: str | None
    p256dh: str | None
    auth: str | None
    title: str
    body: str
    case_id: UUID | None
