"""Use cases of the notifications domain; ``notify`` is what other domains call."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.errors import DoorstepError, ErrorCode
from backend.jobs.queue import enqueue
from backend.notifications import jobs as _jobs  # noqa: F401  (registers the retry policy)
from backend.notifications import queries
from backend.notifications.changes import inbox_change
from backend.notifications.content import clean_body, clean_title
from backend.notifications.cursor import decode_cursor, encode_cursor
from backend.notifications.delivery import DELIVER_PUSH
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import InboxItem, InboxPage
from backend.notifications.subscription_rules import check_endpoint, check_keys
from backend.notifications.vapid import vapid_keys
from backend.settings import Settings
from sync.changelog import changes as sync_changes

INBOX_PAGE_DEFAULT = 20
INBOX_PAGE_MAX = 100


async def notify(
    user_ids: list[UUID], kind: str, title: str, body: str, case_id: UUID | None = None
) -> None:
    """Writes an inbox entry per user and queues a push to each of their subscriptions.

    Each entry is also recorded in the sync change log (entity ``inbox``, seen by its owner
    only), so pull delivers it where Web Push cannot. Call it inside the transaction that
    writes the cause (a return, an approval…), ideally a
    ``sync.changelog.changes.write_transaction``: the entry, its change and its push jobs
    then commit or roll back with the cause.
    ``title`` and ``body`` are user-facing Chinese text; ID numbers in them are masked.
    """
    known_kind = NotificationKind(kind)  # an unknown kind is a programming error
    recipients = list(dict.fromkeys(user_ids))
    if not recipients:
        return
    now = datetime.now(UTC)
    items = [
        InboxItem(
            id=uuid.uuid4(), user_id=user_id, kind=str(known_kind), title=clean_title(title),
            body=clean_body(body), case_id=case_id, created_at=now, read_at=None, version=1,
        )
        for user_id in recipients
    ]
    item_of_user = {item.user_id: item for item in items}
    async with sync_changes.write_transaction():  # joins the caller's transaction if open
        await queries.insert_notifications(items)
        await sync_changes.record([inbox_change(item) for item in items])
        for subscriber in await queries.subscribers(recipients):
            notification_id = item_of_user[subscriber.user_id].id
            delivery_id = await queries.insert_delivery(notification_id, subscriber.id, now)
            await enqueue(DELIVER_PUSH, {"deliveryId": str(delivery_id)})


async def inbox(user: UserRecord, first: int | None, after: str | None) -> InboxPage:
    """The caller's own notifications, newest first, in pages."""
    limit = INBOX_PAGE_DEFAULT if first is None else first
    if limit < 1:
        raise DoorstepError(ErrorCode.BAD_REQUEST, field="first")
    limit = min(limit, INBOX_PAGE_MAX)
    before = decode_cursor(after) if after else None
    rows = await queries.inbox_page(user.id, before, limit + 1)
    items = rows[:limit]
    end_cursor = encode_cursor(items[-1].created_at, items[-1].id) if items else None
    return InboxPage(items=items, end_cursor=end_cursor, has_next_page=len(rows) > limit)


async def unread_count(user: UserRecord) -> int:
    return await queries.unread_count(user.id)


async def mark_inbox_read(user: UserRecord, ids: list[UUID]) -> list[InboxItem]:
    """Marks the caller's own items read (others' ids are ignored); returns them, as given."""
    async with sync_changes.write_transaction():
        changed = await queries.mark_read(user.id, ids, datetime.now(UTC))
        await sync_changes.record([inbox_change(item) for item in changed])
        items = {item.id: item for item in await queries.items_of(user.id, ids)}
    return [items[item_id] for item_id in dict.fromkeys(ids) if item_id in items]


def vapid_public_key(settings: Settings) -> str:
    """The applicationServerKey the PWA passes to ``PushManager.subscribe``."""
    return vapid_keys(settings).public_key


async def register_push_subscription(
    user: UserRecord, endpoint: str, p256dh: str, auth: str, settings: Settings
) -> UUID:
    check_endpoint(endpoint, production=settings.mode == "production")
    check_keys(p256dh, auth)
    return await queries.upsert_subscription(
        user.id, endpoint, p256dh.strip(), auth.strip(), datetime.now(UTC)
    )


async def unregister_push_subscription(user: UserRecord, endpoint: str) -> bool:
    """True when the caller had that subscription; unknown endpoints are not an error."""
    return await queries.delete_subscription(user.id, endpoint)
