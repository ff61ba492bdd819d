"""The sync server's storage interface: clients, the change log, rejections.

One implementation (``sync.changelog.piccolo_storage``) serves SQLite and PostgreSQL; the contract
tests in ``tests/integration/sync/test_storage_contract.py`` run on both engines.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from sync.changelog.audience import Audience, Scope


@dataclass(frozen=True, slots=True)
class ClientState:
    client_id: str
    user_id: UUID
    last_mutation_id: int


@dataclass(frozen=True, slots=True)
class NewChange:
    entity: str
    entity_id: str
    op: str  # put | delete
    version: int
    data: dict[str, Any] | None
    audience: Audience


@dataclass(frozen=True, slots=True)
class LoggedChange:
    seq: int
    entity: str
    entity_id: str
    op: str
    version: int
    data: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Rejection:
    client_id: str
    mutation_id: int
    name: str
    args: Any
    code: str
    message: str
    field: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class StoredRejection:
    """A rejection as read back: its position (newest first) and the client's user."""

    position: int
    user_id: UUID
    rejection: Rejection


@dataclass(frozen=True, slots=True)
class LogInfo:
    epoch: str  # identifies this log; a new one invalidates every cursor
    floor: int  # changes at or below this sequence were compacted away
    head: int  # the highest sequence written


class SyncStorage(Protocol):
    def write_transaction(self) -> AbstractAsyncContextManager[None]:
        """A write transaction; change sequences are committed in the order they are given."""

    def read_transaction(self) -> AbstractAsyncContextManager[None]:
        """Reads that go together (a pull page) on one connection, where that is cheaper;
        nothing may be written inside."""

    def atomic_step(self) -> AbstractAsyncContextManager[None]:
        """A savepoint inside the current transaction, rolled back if the block raises."""

    async def client(self, client_id: str) -> ClientState | None: ...

    async def save_client(self, state: ClientState, at: datetime) -> None: ...

    async def record_rejection(self, rejection: Rejection) -> None: ...

    async def rejections(self, client_id: str) -> list[Rejection]: ...

    async def rejections_page(
        self, user_ids: list[UUID] | None, client_id: str | None, before: int | None, limit: int
    ) -> list[StoredRejection]:
        """Newest first: rejections of the clients of ``user_ids`` (None: every user's),
        optionally of one client only, positioned before ``before``."""

    async def append(self, changes: list[NewChange], at: datetime) -> None: ...

    async def changes_after(self, seq: int, scope: Scope, limit: int) -> list[LoggedChange]: ...

    async def log_info(self) -> LogInfo: ...

    async def last_seq_before(self, at: datetime) -> int | None:
        """The highest sequence written before ``at`` (None when there is none)."""

    async def compact(self, through_seq: int) -> int:
        """Drops changes at or below ``through_seq``; cursors before it get ``reset``."""
