"""Pull: every change the user may see after a cursor, in order, in pages.

``cursor = None`` is a full sync: it reads current state through the snapshot sources
(one query per page, not a replay of the log) and then hands over to the log at the
sequence that was the head when it began. An unusable cursor (not ours, another epoch,
another scope, compacted away) answers ``reset`` with the first page of a full sync.
"""

from __future__ import annotations

from backend.accounts import devices
from backend.accounts.models import Principal, UserRecord
from backend.cases.policy import scope_of
from backend.errors import DoorstepError, ErrorCode
from sync.changelog.audience import Scope
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.snapshot import Change
from sync.changelog.storage import LogInfo
from sync.cursor import Cursor, LogCursor, SnapshotCursor, decode_cursor, encode_cursor
from sync.protocol import PullPage, check_client_id
from sync.sources import SOURCES, for_reader, source_index

DEFAULT_PAGE_SIZE = 1000


def _usable(cursor: Cursor | None, info: LogInfo, scope: Scope) -> bool:
    if cursor is None or cursor.epoch != info.epoch or cursor.scope != scope.fingerprint():
        return False
    if isinstance(cursor, LogCursor):
        return info.floor <= cursor.seq <= info.head
    return info.floor <= cursor.head <= info.head and source_index(cursor.entity) is not None


async def _snapshot_page(
    scope: Scope, cursor: SnapshotCursor, limit: int
) -> tuple[list[Change], Cursor]:
    changes: list[Change] = []
    index = source_index(cursor.entity)
    after = cursor.after
    while index is not None and index < len(SOURCES) and len(changes) < limit:
        source = SOURCES[index]
        page = await SOURCES[index].page(scope, after, limit - len(changes))
        changes += page.changes
        if page.next_after is not None:
            return changes, SnapshotCursor(cursor.epoch, cursor.scope, cursor.head,
                                           source.entity, page.next_after)
        index, after = index + 1, ""
    if index is not None and index < len(SOURCES):
        return changes, SnapshotCursor(cursor.epoch, cursor.scope, cursor.head,
                                       SOURCES[index].entity, "")
    return changes, LogCursor(cursor.epoch, cursor.scope, cursor.head)


async def _log_page(scope: Scope, cursor: LogCursor, limit: int) -> tuple[list[Change], Cursor]:
    rows = await get_storage().changes_after(cursor.seq, scope, limit)
    changes = [Change(r.entity, r.entity_id, r.op, r.version, r.data) for r in rows]
    return changes, LogCursor(cursor.epoch, cursor.scope, rows[-1].seq if rows else cursor.seq)


async def pull(
    user: UserRecord,
    client_id: str,
    cursor_text: str | None,
    limit: int = DEFAULT_PAGE_SIZE,
    *,
    principal: Principal | None = None,
) -> PullPage:
    check_client_id(client_id)
    storage = get_storage()
    client = await storage.client(client_id)
    if client is not None and client.user_id != user.id:
        raise DoorstepError(ErrorCode.FORBIDDEN, "该设备编号属于其他用户", field="clientId")
    await devices.admit_pull(client_id, principal)  # a revoked device is told to wipe, never served
    # Read before the changes: every mutation up to it has its changes at or below the
    # log head the client reaches by pulling to the end.
    last_mutation_id = client.last_mutation_id if client else 0
    scope = scope_of(user)
    info = await storage.log_info()
    cursor = decode_cursor(cursor_text) if cursor_text is not None else None
    reset = not _usable(cursor, info, scope)
    if reset or cursor is None:
        cursor = SnapshotCursor(info.epoch, scope.fingerprint(), info.head, SOURCES[0].entity, "")
    async with storage.read_transaction():  # the page's reads, one connection
        if isinstance(cursor, SnapshotCursor):
            changes, after = await _snapshot_page(scope, cursor, limit)
        else:
            changes, after = await _log_page(scope, cursor, limit)
    return PullPage(encode_cursor(after), last_mutation_id, reset, for_reader(user, changes))
