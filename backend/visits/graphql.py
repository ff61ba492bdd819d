"""GraphQL of visits: public requests and tickets, dispatch, the visit list (thin resolvers)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.accounts.models import UserRecord
from backend.visits import service
from backend.visits.models import VisitRecord, VisitRequest
from backend.visits.rules import SLOTS, STATUS_LABELS, VisitStatus


@strawberry.input(description="预约上门的申请：业务类型、姓名、电话、地址、希望日期、备注")
class VisitRequestInput:
    kind: str = strawberry.field(description="withdrawal | unit_registration")
    name: str
    phone: str
    address: str
    preferred_date: date | None = None
    note: str | None = None

    def record(self) -> VisitRequest:
        return VisitRequest(
            self.kind, self.name, self.phone, self.address, self.preferred_date, self.note or ""
        )


@strawberry.type(description="预约已收到：凭 ticket 查看进度")
class VisitReceipt:
    id: strawberry.ID
    status: str
    ticket: str


@strawberry.type(description="凭预约链接看到的进度（不含任何个人信息）")
class VisitTicketStatus:
    status: str
    status_label: str
    kind: str
    requested_at: datetime
    scheduled_for: date | None
    slot: str | None
    outcome: str | None


@strawberry.type(name="Visit", description="一次上门（申请、安排、结果）")
class VisitType:
    id: strawberry.ID
    kind: str
    status: str = strawberry.field(description="requested | scheduled | done | missed | cancelled")
    status_label: str
    channel: str
    name: str
    phone: str
    address: str
    note: str
    preferred_date: date | None
    scheduled_for: date | None
    slot: str | None
    slot_label: str | None
    case_id: strawberry.ID | None
    assignee: UserType | None
    outcome: str | None = strawberry.field(description="done | not_home | rescheduled | refused")
    outcome_note: str
    outcome_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, visit: VisitRecord, assignee: UserRecord | None) -> VisitType:
        return cls(
            id=strawberry.ID(str(visit.id)),
            kind=visit.kind,
            status=visit.status,
            status_label=STATUS_LABELS[VisitStatus(visit.status)],
            channel=visit.channel,
            name=visit.name,
            phone=visit.phone,
            address=visit.address,
            note=visit.note,
            preferred_date=visit.preferred_date,
            scheduled_for=visit.scheduled_for,
            slot=visit.slot,
            slot_label=SLOTS.get(visit.slot or ""),
            case_id=strawberry.ID(str(visit.case_id)) if visit.case_id else None,
            assignee=UserType.of(assignee) if assignee else None,
            outcome=visit.outcome,
            outcome_note=visit.outcome_note,
            outcome_at=visit.outcome_at,
            created_at=visit.created_at,
        )


@strawberry.type(description="建议的上门人员：片区最近、当天上门最少者在前")
class AssigneeSuggestion:
    user: UserType
    visits_that_day: int


@strawberry.type(description="可安排上门的外勤人员：片区和当天已安排的上门数")
class VisitStaff:
    user: UserType
    areas: list[str]
    visits_that_day: int


@strawberry.type(description="一名外勤人员的上门指标")
class StaffVisitMetricsType:
    user: UserType
    done: int
    missed: int = strawberry.field(description="不在家（未遇到）")
    planned: int
    per_week: float = strawberry.field(description="每周完成上门数")
    no_show_rate: float | None = strawberry.field(description="未遇到 / (完成 + 未遇到)")


@strawberry.type(description="上门指标：每人每周上门数、未遇到率、从申请到上门的天数")
class VisitMetricsType:
    staff: list[StaffVisitMetricsType]
    median_days_to_visit: float | None


async def shaped(visits: list[VisitRecord]) -> list[VisitType]:
    people = await service.assignees_of(visits)
    return [VisitType.of(v, people.get(v.assignee) if v.assignee else None) for v in visits]


@strawberry.type
class VisitsQuery:
    @strawberry.field(
        description="上门列表：外勤人员看自己的，组长看本组及待安排的；按日期和时段排序"
    )
    async def visits(
        self,
        info: Info,
        date: date | None = None,
        staff_id: strawberry.ID | None = None,
        status: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> list[VisitType]:
        user = info.context.require_user()
        staff = service.parse_id(staff_id, "staffId") if staff_id else None
        return await shaped(
            await service.list_visits(user, date, staff, status, date_from, date_to)
        )

    @strawberry.field(description="上门指标（日期起止均含）")
    async def visit_metrics(self, info: Info, date_from: date, date_to: date) -> VisitMetricsType:
        rows, days = await service.visit_metrics(info.context.require_user(), date_from, date_to)
        return VisitMetricsType(
            staff=[
                StaffVisitMetricsType(
                    user=UserType.of(u),
                    done=m.done,
                    missed=m.missed,
                    planned=m.planned,
                    per_week=m.per_week,
                    no_show_rate=m.no_show_rate,
                )
                for u, m in rows
            ],
            median_days_to_visit=days,
        )

    @strawberry.field(description="凭预约链接查看进度（无需登录）")
    async def visit_ticket(self, info: Info, ticket: str) -> VisitTicketStatus:
        visit = await service.visit_by_ticket(ticket)
        return VisitTicketStatus(
            status=visit.status,
            status_label=STATUS_LABELS[VisitStatus(visit.status)],
            kind=visit.kind,
            requested_at=visit.created_at,
            scheduled_for=visit.scheduled_for,
            slot=visit.slot,
            outcome=visit.outcome,
        )

    @strawberry.field(description="本组外勤人员（派单、移交时选择）")
    async def visit_staff(self, info: Info, date: date) -> list[VisitStaff]:
        rows = await service.team_staff(info.context.require_user(), date)
        return [
            VisitStaff(user=UserType.of(u), areas=list(a), visits_that_day=n) for u, a, n in rows
        ]

    @strawberry.field(description="为一次上门建议人员（片区、当天工作量）")
    async def visit_assignee_suggestions(
        self, info: Info, visit_id: strawberry.ID, date: date
    ) -> list[AssigneeSuggestion]:
        ranked = await service.suggested_assignees(
            info.context.require_user(), service.parse_id(visit_id, "visitId"), date
        )
        return [AssigneeSuggestion(user=UserType.of(u), visits_that_day=n) for u, n in ranked]


@strawberry.type
class VisitsMutation:
    @strawberry.mutation(description="申请上门服务（无需登录；按来源地址和电话限制频率）")
    async def request_visit(self, info: Info, input: VisitRequestInput) -> VisitReceipt:
        visit = await service.request_visit(input.record(), info.context.address)
        return VisitReceipt(
            id=strawberry.ID(str(visit.id)), status=visit.status, ticket=visit.ticket
        )

    @strawberry.mutation(description="热线或窗口人员为来电群众登记上门申请")
    async def enter_visit_request(
        self, info: Info, input: VisitRequestInput, channel: str = "hotline"
    ) -> VisitReceipt:
        user = info.context.require_user()
        visit = await service.request_visit(
            input.record(),
            info.context.address,
            entered_by=user,
            channel="window" if channel == "window" else "hotline",
        )
        return VisitReceipt(
            id=strawberry.ID(str(visit.id)), status=visit.status, ticket=visit.ticket
        )

    @strawberry.mutation(description="安排上门：人员、日期和时段（am 上午 / pm 下午）")
    async def schedule_visit(
        self,
        info: Info,
        id: strawberry.ID,
        staff_id: strawberry.ID,
        date: date,
        slot: str | None = None,
    ) -> VisitType:
        visit = await service.schedule_visit(
            info.context.require_user(),
            service.parse_id(id),
            service.parse_id(staff_id, "staffId"),
            date,
            slot,
        )
        return (await shaped([visit]))[0]

    @strawberry.mutation(description="设置外勤人员负责的片区（派单时按片区建议）")
    async def set_staff_areas(
        self, info: Info, staff_id: strawberry.ID, areas: list[str]
    ) -> list[str]:
        return await service.set_staff_areas(
            info.context.require_user(), service.parse_id(staff_id, "staffId"), areas
        )
