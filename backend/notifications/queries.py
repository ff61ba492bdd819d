"""Every database query of the notifications domain (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.notifications.models import InboxItem, PushTarget, Subscriber
from backend.notifications.tables import Notification, PushDelivery, PushSubscription


def _item(row: dict[str, Any]) -> InboxItem:
    return InboxItem(
        id=row["id"],
        user_id=row["user_id"],
        kind=row["kind"],
        title=row["title"],
        body=row["body"],
        case_id=row["case_id"],
        created_at=row["created_at"],
        read_at=row["read_at"],
        version=int(row["version"]),
    )


async def insert_notifications(items: list[InboxItem]) -> None:
    if items:
        await Notification.insert(
            *(
                Notification(
                    id=item.id, user_id=item.user_id, kind=item.kind, title=item.title,
                    body=item.body, case_id=item.case_id, created_at=item.created_at,
                    read_at=item.read_at, version=item.version,
                )
                for item in items
            )
        )


async def inbox_page(
    user_id: UUID, before: tuple[datetime, UUID] | None, limit: int
) -> list[InboxItem]:
    """Newest first; ``before`` is the last (created_at, id) of the previous page."""
    n = Notification
    query = n.select().where(n.user_id == user_id)
    if before is not None:
        at, item_id = before
        query = query.where((n.created_at < at) | ((n.created_at == at) & (n.id < item_id)))
    rows = await query.order_by(n.created_at, n.id, ascending=False).limit(limit)
    return [_item(row) for row in rows]


async def inbox_by_id(user_id: UUID, after: UUID | None, limit: int) -> list[InboxItem]:
    """The user's items in id order (full sync pages by key)."""
    n = Notification
    query = n.select().where(n.user_id == user_id)
    if after is not None:
        query = query.where(n.id > after)
    rows = await query.order_by(n.id).limit(limit)
    return [_item(row) for row in rows]


async def unread_count(user_id: UUID) -> int:
    return int(
        await Notification.count().where(
            (Notification.user_id == user_id) & Notification.read_at.is_null()
        )
    )


async def mark_read(user_id: UUID, ids: list[UUID], at: datetime) -> list[InboxItem]:
    """Marks the user's own unread items among ``ids``; returns the ones that changed."""
    if not ids:
        return []
    n = Notification
    rows = await n.update({n.read_at: at, n.version: n.version + 1}).where(
        (n.user_id == user_id) & n.id.is_in(ids) & n.read_at.is_null()
    ).returning(*n.all_columns())
    return [_item(row) for row in rows]


async def items_of(user_id: UUID, ids: list[UUID]) -> list[InboxItem]:
    if not ids:
        return []
    n = Notification
    rows = await n.select().where((n.user_id == user_id) & n.id.is_in(ids))
    return [_item(row) for row in rows]


async def subscribers(user_ids: list[UUID]) -> list[Subscriber]:
    if not user_ids:
        return []
    s = PushSubscription
    rows = await s.select(s.id, s.user_id).where(s.user_id.is_in(user_ids))
    return [Subscriber(row["id"], row["user_id"]) for row in rows]


async def insert_delivery(notification_id: UUID, subscription_id: UUID, now: datetime) -> UUID:
    delivery_id = uuid.uuid4()
    await PushDelivery.insert(
        PushDelivery(
            id=delivery_id, notification=notification_id, subscription=subscription_id,
            created_at=now,
        )
    )
    return delivery_id


async def upsert_subscription(
    user_id: UUID, endpoint: str, p256dh: str, auth: str, now: datetime
) -> UUID:
    """One row per endpoint: a browser re-subscribing (or a new user on it) takes it over."""
    s = PushSubscription
    rows = await s.update({s.user_id: user_id, s.p256dh: p256dh, s.auth: auth}).where(
        s.endpoint == endpoint
    ).returning(s.id)
    if rows:
        existing: UUID = rows[0]["id"]
        return existing
    subscription_id = uuid.uuid4()
    await s.insert(
        s(id=subscription_id, user_id=user_id, endpoint=endpoint, p256dh=p256dh, auth=auth,
          created_at=now)
    ).on_conflict(target=s.endpoint, action="DO NOTHING")
    row = await s.select(s.id).where(s.endpoint == endpoint).first()
    # A concurrent registration of the same endpoint may have won the insert.
    return row["id"] if row else subscription_id


async def delete_subscription(user_id: UUID, endpoint: str) -> bool:
    s = PushSubscription
    rows = await s.delete().where((s.user_id == user_id) & (s.endpoint == endpoint)).returning(
        s.id
    )
    return bool(rows)


async def delete_subscription_by_id(subscription_id: UUID) -> None:
    await PushSubscription.delete().where(PushSubscription.id == subscription_id)


async def push_target(delivery_id: UUID) -> PushTarget | None:
    d = PushDelivery
    row = await d.select(
        d.id, d.status, d.attempts,
        d.subscription.id.as_alias("subscription_id"),
        d.subscription.endpoint.as_alias("endpoint"),
        d.subscription.p256dh.as_alias("p256dh"),
        d.subscription.auth.as_alias("auth"),
        d.notification.title.as_alias("title"),
        d.notification.body.as_alias("body"),
        d.notification.case_id.as_alias("case_id"),
    ).where(d.id == delivery_id).first()
    if row is None:
        return None
    return PushTarget(
        delivery_id=row["id"], status=row["status"], attempts=int(row["attempts"]),
        subscription_id=row["subscription_id"], endpoint=row["endpoint"],
        p256dh=row["p256dh"], auth=row["auth"], title=row["title"], body=row["body"],
        case_id=row["case_id"],
    )


async def record_attempt(
    delivery_id: UUID, *, status: str, attempts: int, http_status: int | None, error: str,
    finished_at: datetime | None,
) -> None:
    d = PushDelivery
    await d.update(
        {d.status: status, d.attempts: attempts, d.last_status: http_status,
         d.last_error: error[:2000], d.finished_at: finished_at}
    ).where(d.id == delivery_id)


async def mark_subscription_used(subscription_id: UUID, at: datetime) -> None:
    s = PushSubscription
    await s.update({s.last_success_at: at}).where(s.id == subscription_id)
