"""GraphQL of stored sync rejections (``syncRejections``): parse, call, shape."""

from __future__ import annotations

from datetime import datetime

import strawberry

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.cases.graphql import PageInfo
from sync.graphql import ErrorType
from sync.rejections import RejectionItem, RejectionPage, encode_cursor, list_rejections


@strawberry.type(name="SyncRejection", description="设备推送的某个操作被服务器拒绝的记录")
class SyncRejectionType:
    client_id: strawberry.ID = strawberry.field(description="设备数据库编号（clientId）")
    mutation_id: int
    mutator: str = strawberry.field(description="操作名，如 updateCase")
    action: str = strawberry.field(description="操作的中文名称，如“修改案件”")
    case_id: strawberry.ID | None = strawberry.field(description="操作涉及的案件")
    error: ErrorType = strawberry.field(description="拒绝原因：稳定的代码和中文说明")
    at: datetime
    user: UserType = strawberry.field(description="设备所属用户")

    @classmethod
    def of(cls, item: RejectionItem) -> SyncRejectionType:
        return cls(
            client_id=strawberry.ID(item.client_id),
            mutation_id=item.mutation_id,
            mutator=item.mutator,
            action=item.action,
            case_id=strawberry.ID(item.case_id) if item.case_id else None,
            error=ErrorType(code=item.code, message=item.message, field=item.field),
            at=item.at,
            user=UserType.of(item.user),
        )


@strawberry.type
class SyncRejectionEdge:
    cursor: str
    node: SyncRejectionType


@strawberry.type
class SyncRejectionConnection:
    edges: list[SyncRejectionEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: RejectionPage) -> SyncRejectionConnection:
        return cls(
            edges=[
                SyncRejectionEdge(cursor=encode_cursor(item.position),
                                  node=SyncRejectionType.of(item))
                for item in page.items
            ],
            page_info=PageInfo(end_cursor=page.end_cursor, has_next_page=page.has_next_page),
        )


@strawberry.type
class SyncRejectionsQuery:
    @strawberry.field(  # type: ignore[untyped-decorator]
        description="被拒绝的同步操作及原因（最新在前）：本人的设备；组长另含本组成员的设备；"
        "管理员可看全部。clientId 只看某一设备。"
    )
    async def sync_rejections(
        self,
        info: Info,
        client_id: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> SyncRejectionConnection:
        viewer = info.context.require_user()
        page = await list_rejections(
            viewer, None if client_id is None else str(client_id), first, after
        )
        return SyncRejectionConnection.of(page)
