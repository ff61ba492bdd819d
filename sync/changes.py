"""What domains call to write to the change log, inside their own write transaction."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime

from sync.piccolo_storage import get_storage
from sync.storage import NewChange


def write_transaction() -> AbstractAsyncContextManager[None]:
    """Every transaction that records changes must be one of these (ordering, locks)."""
    return get_storage().write_transaction()


async def record(changes: list[NewChange], at: datetime | None = None) -> None:
    await get_storage().append(changes, at or datetime.now(UTC))
