"""GraphQL types and resolvers of the accounts domain (parse, call the service, shape)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry

from backend.accounts import devices, service
from backend.accounts.context import Info
from backend.accounts.models import DeviceEntry, Session, UserRecord
from backend.errors import DoorstepError, ErrorCode


@strawberry.enum(description="用户角色")
class Role(Enum):
    FIELD_STAFF = "FIELD_STAFF"
    SUPERVISOR = "SUPERVISOR"
    EMPLOYER = "EMPLOYER"
    ADMIN = "ADMIN"


@strawberry.type(name="User")
class UserType:
    id: strawberry.ID
    username: str
    role: Role
    display_name: str

    @classmethod
    def of(cls, user: UserRecord) -> UserType:
        return cls(
            id=strawberry.ID(str(user.id)),
            username=user.username,
            role=Role(str(user.role)),
            display_name=user.display_name,
        )


@strawberry.type
class LoginPayload:
    token: str
    refresh_token: str
    expires_at: datetime
    user: UserType

    @classmethod
    def of(cls, session: Session) -> LoginPayload:
        return cls(
            token=session.token,
            refresh_token=session.refresh_token,
            expires_at=session.expires_at,
            user=UserType.of(session.user),
        )


@strawberry.type(name="Device", description="一台设备（一个同步客户端编号）")
class DeviceType:
    client_id: strawberry.ID
    user: UserType
    first_seen: datetime = strawberry.field(description="首次同步时间")
    last_seen: datetime = strawberry.field(description="最近一次推送或拉取的时间")
    revoked: bool = strawberry.field(description="是否已停用")
    revoked_at: datetime | None
    revoked_by: UserType | None

    @classmethod
    def of(cls, entry: DeviceEntry) -> DeviceType:
        revocation = entry.revocation
        return cls(
            client_id=strawberry.ID(entry.client_id),
            user=UserType.of(entry.user),
            first_seen=entry.first_seen,
            last_seen=entry.last_seen,
            revoked=revocation is not None,
            revoked_at=revocation.revoked_at if revocation else None,
            revoked_by=UserType.of(entry.revoked_by) if entry.revoked_by else None,
        )


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="当前登录的用户")
    def me(self, info: Info) -> UserType:
        return UserType.of(info.context.require_user())

    @strawberry.field(
        description="设备列表（最近活动在前）：指定用户的，或不指定时本人可见的全部"
        "（外勤人员：本人；主管：本组成员；管理员：所有人）"
    )
    async def devices(self, info: Info, user_id: strawberry.ID | None = None) -> list[DeviceType]:
        owner: UUID | None = None
        if user_id is not None:
            try:
                owner = UUID(str(user_id))
            except ValueError:
                raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该用户", field="userId") from None
        entries = await devices.list_devices(info.context.require_user(), owner)
        return [DeviceType.of(entry) for entry in entries]


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="用户名和密码登录，返回访问令牌和刷新令牌")
    async def login(self, info: Info, username: str, password: str) -> LoginPayload:
        context = info.context
        session = await service.log_in(username, password, context.address, context.settings)
        return LoginPayload.of(session)

    @strawberry.mutation(description="用刷新令牌换取新的访问令牌")
    async def refresh_session(self, info: Info, refresh_token: str) -> LoginPayload:
        return LoginPayload.of(await service.refresh_session(refresh_token, info.context.settings))

    @strawberry.mutation(
        description="停用设备（丢失或被盗）：该设备再推送一次后，同步时被要求清除本机数据"
    )
    async def revoke_device(self, info: Info, client_id: strawberry.ID) -> UserType:
        owner = await devices.revoke_device(info.context.require_user(), str(client_id))
        return UserType.of(owner)

    @strawberry.mutation(description="停用账号：立即退出所有设备，且不能再登录")
    async def disable_user(self, info: Info, id: strawberry.ID) -> UserType:
        try:
            user_id = UUID(str(id))
        except ValueError:
            raise DoorstepError(ErrorCode.NOT_FOUND, field="id") from None
        return UserType.of(await devices.disable_user(info.context.require_user(), user_id))

    @strawberry.mutation(description="退出登录：该用户在所有设备上的令牌全部失效")
    async def logout(self, info: Info) -> bool:
        await service.log_out_everywhere(info.context.require_user())
        return True
