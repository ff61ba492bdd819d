"""What domains call to write to the change log, inside their own write transaction.

A push collects the changes of its mutations and writes them with one INSERT just before
it commits (``collected``): fewer statements per mutation, same transaction, same order.
A mutation rolled back to its savepoint drops what it had collected (``ChangeBuffer``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from sync.changelog.piccolo_storage import get_storage
from sync.changelog.storage import NewChange


class ChangeBuffer:
    def __init__(self) -> None:
        self.changes: list[NewChange] = []

    def mark(self) -> int:
        return len(self.changes)

    def discard_after(self, mark: int) -> None:
        del self.changes[mark:]


_buffer: ContextVar[ChangeBuffer | None] = ContextVar("sync_change_buffer", default=None)


def write_transaction() -> AbstractAsyncContextManager[None]:
    """Every transaction that records changes must be one of these (ordering, locks)."""
    return get_storage().write_transaction()


async def record(changes: list[NewChange], at: datetime | None = None) -> None:
    buffer = _buffer.get()
    if buffer is not None:
        buffer.changes += changes
        return
    await get_storage().append(changes, at or datetime.now(UTC))


@asynccontextmanager
async def collected() -> AsyncIterator[ChangeBuffer]:
    """Within a write transaction: changes recorded in the block are written at its end."""
    buffer = ChangeBuffer()
    token = _buffer.set(buffer)
    try:
        yield buffer
    finally:
        _buffer.reset(token)
    await get_storage().append(buffer.changes, datetime.now(UTC))
