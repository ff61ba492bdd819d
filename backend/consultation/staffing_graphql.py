"""GraphQL of who answers: the 在线客服 duty roster and department membership (业务科室)
(parse, authorise, call one service, shape)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.accounts.models import UserRecord
from backend.consultation import departments, duty_service
from backend.consultation.graphql import parse_id, require_id
from backend.consultation.models import DEPARTMENT_NAMES, Department, DutyShift


@strawberry.type(name="DutyShift", description="在线客服班次")
class DutyShiftType:
    id: strawberry.ID
    user: UserType
    starts_at: datetime
    ends_at: datetime

    @classmethod
    def of(cls, shift: DutyShift, user: UserRecord) -> DutyShiftType:
        return cls(
            id=strawberry.ID(str(shift.id)),
            user=UserType.of(user),
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
        )


@strawberry.type(name="OnlineDuty", description="在线客服值班情况（员工视图）")
class OnlineDutyType:
    on_duty: list[DutyShiftType] = strawberry.field(description="此刻在值班的班次")
    next_start: datetime | None = strawberry.field(description="此后最近一个班次的开始时间")
    my_shift: DutyShiftType | None = strawberry.field(
        description="本人当前或下一个班次（无则为空）"
    )
    i_am_on_duty: bool


@strawberry.type(name="Department", description="业务科室及其成员（成员处理本科室的反馈）")
class DepartmentType:
    code: str
    name: str
    members: list[UserType]
    mine: bool = strawberry.field(description="当前用户是否为本科室成员")

    @classmethod
    def of(cls, code: Department, members: list[UserRecord], me: UserRecord) -> DepartmentType:
        return cls(
            code=str(code),
            name=DEPARTMENT_NAMES[code],
            members=[UserType.of(m) for m in members],
            mine=any(m.id == me.id for m in members),
        )


@strawberry.type
class StaffingQuery:
    @strawberry.field(description="在线客服：此刻谁在值班、下一班何时开始、本人的班次")  # type: ignore[untyped-decorator]
    async def online_duty(self, info: Info) -> OnlineDutyType:
        user = info.context.require_user()
        on_duty, state, mine = await duty_service.staff_view(user)
        return OnlineDutyType(
            on_duty=[DutyShiftType.of(s, u) for s, u in on_duty],
            next_start=state.next_start,
            my_shift=DutyShiftType.of(mine, user) if mine else None,
            i_am_on_duty=any(s.user_id == user.id for s, _ in on_duty),
        )

    @strawberry.field(description="在线客服排班表（按中心日期，含首尾两天）")  # type: ignore[untyped-decorator]
    async def duty_roster(
        self, info: Info, from_: Annotated[date, strawberry.argument(name="from")], to: date
    ) -> list[DutyShiftType]:
        info.context.require_user()
        return [DutyShiftType.of(s, u) for s, u in await duty_service.staffed_roster(from_, to)]

    @strawberry.field(description="在职员工（排班、设置科室成员时可选的人；主管、管理员）")  # type: ignore[untyped-decorator]
    async def assignable_staff(self, info: Info) -> list[UserType]:
        info.context.require_user()
        return [UserType.of(p) for p in await departments.assignable_staff()]

    @strawberry.field(description="业务科室及成员")  # type: ignore[untyped-decorator]
    async def departments(self, info: Info) -> list[DepartmentType]:
        user = info.context.require_user()
        found = await departments.memberships()
        return [DepartmentType.of(code, members, user) for code, members in found.items()]


@strawberry.type
class StaffingMutation:
    @strawberry.mutation(description="排班：安排员工在线客服值班（主管、管理员）")  # type: ignore[untyped-decorator]
    async def add_duty_shift(
        self, info: Info, user_id: strawberry.ID, starts_at: datetime, ends_at: datetime
    ) -> DutyShiftType:
        actor = info.context.require_user()
        person = require_id(user_id, "userId")
        shift, user = await duty_service.add_shift(actor, person, starts_at, ends_at)
        return DutyShiftType.of(shift, user)

    @strawberry.mutation(description="删除一个在线客服班次（主管、管理员）")  # type: ignore[untyped-decorator]
    async def remove_duty_shift(self, info: Info, id: strawberry.ID) -> bool:
        actor = info.context.require_user()
        await duty_service.remove_shift(actor, require_id(id))
        return True

    @strawberry.mutation(description="设置科室成员（管理员）：成员即为所给员工")  # type: ignore[untyped-decorator]
    async def set_department_members(
        self, info: Info, department: str, user_ids: list[strawberry.ID]
    ) -> DepartmentType:
        actor = info.context.require_user()
        ids = [parse_id(u, "userIds") for u in user_ids]
        members = await departments.set_members(actor, department, [i for i in ids if i])
        return DepartmentType.of(departments.parse_department(department), members, actor)
