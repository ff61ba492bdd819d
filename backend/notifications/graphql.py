"""GraphQL types and resolvers of the notifications domain (parse, call the service, shape)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from backend.accounts.context import Info
from backend.errors import DoorstepError, ErrorCode
from backend.notifications import service
from backend.notifications.cursor import encode_cursor
from backend.notifications.models import InboxItem, InboxPage


@strawberry.type(name="InboxItem", description="收件箱中的一条通知")
class InboxItemType:
    id: strawberry.ID
    kind: str = strawberry.field(
        description="case_returned | risk_flagged | case_approved | registration_approved | "
        "article_published"
    )
    title: str
    body: str
    case_id: strawberry.ID | None
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, item: InboxItem) -> InboxItemType:
        return cls(
            id=strawberry.ID(str(item.id)),
            kind=item.kind,
            title=item.title,
            body=item.body,
            case_id=strawberry.ID(str(item.case_id)) if item.case_id else None,
            created_at=item.created_at,
            read_at=item.read_at,
        )


@strawberry.type
class InboxEdge:
    cursor: str
    node: InboxItemType


@strawberry.type
class InboxPageInfo:
    end_cursor: str | None
    has_next_page: bool


@strawberry.type
class InboxConnection:
    edges: list[InboxEdge]
    page_info: InboxPageInfo

    @classmethod
    def of(cls, page: InboxPage) -> InboxConnection:
        return cls(
            edges=[
                InboxEdge(cursor=encode_cursor(item.created_at, item.id),
                          node=InboxItemType.of(item))
                for item in page.items
            ],
            page_info=InboxPageInfo(end_cursor=page.end_cursor,
                                    has_next_page=page.has_next_page),
        )


@strawberry.type(name="PushSubscription")
class PushSubscriptionType:
    id: strawberry.ID


def _uuids(ids: list[strawberry.ID]) -> list[UUID]:
    try:
        return [UUID(str(value)) for value in ids]
    except ValueError:
        raise DoorstepError(ErrorCode.BAD_REQUEST, field="ids") from None


@strawberry.type
class NotificationsQuery:
    @strawberry.field(description="Web Push 的 VAPID 公钥（subscribe 的 applicationServerKey）")
    def vapid_public_key(self, info: Info) -> str:
        return service.vapid_public_key(info.context.settings)

    @strawberry.field(description="我的收件箱，最新的在前")
    async def inbox(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> InboxConnection:
        page = await service.inbox(info.context.require_user(), first, after)
        return InboxConnection.of(page)

    @strawberry.field(description="我的未读通知数")
    async def inbox_unread_count(self, info: Info) -> int:
        return await service.unread_count(info.context.require_user())


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(description="登记本设备的推送订阅（同一地址再次登记会更新）")
    async def register_push_subscription(
        self, info: Info, endpoint: str, p256dh: str, auth: str
    ) -> PushSubscriptionType:
        context = info.context
        subscription_id = await service.register_push_subscription(
            context.require_user(), endpoint, p256dh, auth, context.settings
        )
        return PushSubscriptionType(id=strawberry.ID(str(subscription_id)))

    @strawberry.mutation(description="取消本设备的推送订阅；返回是否存在该订阅")
    async def unregister_push_subscription(self, info: Info, endpoint: str) -> bool:
        return await service.unregister_push_subscription(info.context.require_user(), endpoint)

    @strawberry.mutation(description="把我的通知标记为已读，返回这些通知")
    async def mark_inbox_read(self, info: Info, ids: list[strawberry.ID]) -> list[InboxItemType]:
        items = await service.mark_inbox_read(info.context.require_user(), _uuids(ids))
        return [InboxItemType.of(item) for item in items]
