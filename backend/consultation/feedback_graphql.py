"""GraphQL types and resolvers of feedback (parse, authorise, call one service, shape).

``submitFeedback`` and ``feedbackByTicket`` are public; a signed-in caller files under
their account (the answer reaches their inbox), anyone else gets a ticket.
"""

from __future__ import annotations

from datetime import datetime

import strawberry

from backend.accounts.context import Info
from backend.cases.graphql import PageInfo
from backend.consultation import feedback_service as service
from backend.consultation.graphql import parse_id, require_id
from backend.consultation.models import (
    CATEGORY_NAMES,
    DEPARTMENT_NAMES,
    Channel,
    FeedbackRecord,
    Page,
    Routing,
)
from backend.consultation.report import MonthlyReport, ReportRow
from backend.consultation.text_rules import mask_contact, mask_personal
from backend.notifications.cursor import encode_cursor


@strawberry.input(
    description="反馈：category 见 feedbackCategories；channel 默认 online（登录员工默认 visit）"
)
class FeedbackInput:
    category: str
    text: str
    case_id: strawberry.ID | None = None
    channel: str | None = None
    contact: str | None = None
    process: str | None = strawberry.field(
        default=None, description="缴存 | 提取 | 贷款 | 转移 | 其他"
    )


@strawberry.type(name="FeedbackReceipt")
class FeedbackReceiptType:
    id: strawberry.ID
    status: str
    department: str
    department_name: str
    ticket: str | None = strawberry.field(description="未登录提交时的凭证（凭它查看答复）")


@strawberry.type(name="FeedbackItem", description="反馈（列表中证件号、电话已打码）")
class FeedbackType:
    id: strawberry.ID
    category: str
    category_name: str
    process: str
    text: str
    channel: str
    case_id: strawberry.ID | None
    contact: str
    status: str = strawberry.field(description="open | in_progress | resolved")
    department: str
    department_name: str
    routing_version: int
    response: str
    responded_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, record: FeedbackRecord, masked: bool = True) -> FeedbackType:
        return cls(
            id=strawberry.ID(str(record.id)),
            category=str(record.category),
            category_name=CATEGORY_NAMES[record.category],
            process=record.process,
            text=mask_personal(record.text) if masked else record.text,
            channel=str(record.channel),
            case_id=strawberry.ID(str(record.case_id)) if record.case_id else None,
            contact=mask_contact(record.contact),
            status=str(record.status),
            department=str(record.department),
            department_name=DEPARTMENT_NAMES[record.department],
            routing_version=record.routing_version,
            response=record.response,
            responded_at=record.responded_at,
            created_at=record.created_at,
        )


@strawberry.type
class FeedbackEdge:
    cursor: str
    node: FeedbackType


@strawberry.type
class FeedbackConnection:
    edges: list[FeedbackEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: Page[FeedbackRecord]) -> FeedbackConnection:
        return cls(
            edges=[
                FeedbackEdge(cursor=encode_cursor(r.created_at, r.id), node=FeedbackType.of(r))
                for r in page.items
            ],
            page_info=PageInfo(end_cursor=page.end_cursor, has_next_page=page.has_next_page),
        )


@strawberry.type(name="FeedbackRoute")
class RouteType:
    category: str
    category_name: str
    department: str
    department_name: str


@strawberry.input(name="FeedbackRouteInput")
class RouteInput:
    category: str
    department: str


@strawberry.type(name="FeedbackRouting", description="反馈分派设置（按版本保存，0 为系统默认）")
class RoutingType:
    version: int
    routes: list[RouteType]
    set_by: strawberry.ID | None
    set_at: datetime | None
    note: str

    @classmethod
    def of(cls, routing: Routing) -> RoutingType:
        return cls(
            version=routing.version,
            routes=[
                RouteType(
                    category=str(c),
                    category_name=CATEGORY_NAMES[c],
                    department=str(d),
                    department_name=DEPARTMENT_NAMES[d],
                )
                for c, d in routing.routes.items()
            ],
            set_by=strawberry.ID(str(routing.set_by)) if routing.set_by else None,
            set_at=routing.set_at,
            note=routing.note,
        )


@strawberry.type(name="FeedbackReportRow")
class ReportRowType:
    key: str
    label: str
    count: int
    previous: int
    trend: int = strawberry.field(description="本月减上月")
    case_ids: list[strawberry.ID]

    @classmethod
    def of(cls, row: ReportRow) -> ReportRowType:
        return cls(
            key=row.key,
            label=row.label,
            count=row.count,
            previous=row.previous,
            trend=row.trend,
            case_ids=[strawberry.ID(str(c)) for c in row.case_ids],
        )


@strawberry.type(name="FeedbackReport", description="反馈月度报告：类别、业务流程按件数排名")
class ReportType:
    month: str
    total: int
    categories: list[ReportRowType]
    processes: list[ReportRowType]

    @classmethod
    def of(cls, report: MonthlyReport) -> ReportType:
        return cls(
            month=report.month,
            total=report.total,
            categories=[ReportRowType.of(r) for r in report.categories],
            processes=[ReportRowType.of(r) for r in report.processes],
        )


@strawberry.type
class FeedbackQuery:
    # strawberry's decorators return Any (pyproject exempts modules named "graphql" only).
    @strawberry.field(description="反馈列表：主管、管理员按科室查看；其他人看到本人提交的")  # type: ignore[untyped-decorator]
    async def feedback(
        self,
        info: Info,
        status: str | None = None,
        department: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> FeedbackConnection:
        user = info.context.require_user()
        page = await service.listing(user, status, department, first, after)
        return FeedbackConnection.of(page)

    @strawberry.field(description="公开：凭反馈凭证查看本人反馈和答复")  # type: ignore[untyped-decorator]
    async def feedback_by_ticket(self, info: Info, ticket: str) -> FeedbackType:
        record = await service.by_ticket(ticket, info.context.address)
        return FeedbackType.of(record, masked=False)

    @strawberry.field(description="现行的反馈分派设置")  # type: ignore[untyped-decorator]
    async def feedback_routing(self, info: Info) -> RoutingType:
        return RoutingType.of(await service.routing())

    @strawberry.field(description="反馈分派设置的全部版本（最新在前）")  # type: ignore[untyped-decorator]
    async def feedback_routing_history(self, info: Info) -> list[RoutingType]:
        return [RoutingType.of(r) for r in await service.routing_history()]

    @strawberry.field(description="反馈月度报告（month: YYYY-MM）")  # type: ignore[untyped-decorator]
    async def feedback_report(self, info: Info, month: str) -> ReportType:
        info.context.require_user()
        return ReportType.of(await service.report(month))


@strawberry.type
class FeedbackMutation:
    @strawberry.mutation(description="提交反馈：按类别分派到主管科室")  # type: ignore[untyped-decorator]
    async def submit_feedback(self, info: Info, input: FeedbackInput) -> FeedbackReceiptType:
        context = info.context
        values = (
            input.category,
            input.text,
            input.channel,
            parse_id(input.case_id, "caseId"),
            input.contact,
            input.process,
        )
        if context.principal is None:
            record, ticket = await service.submit_public(*values, context.address, context.settings)
        else:
            user = context.require_user()
            record, ticket = await service.submit(user, service.draft(*values, Channel.VISIT)), None
        return FeedbackReceiptType(
            id=strawberry.ID(str(record.id)),
            status=str(record.status),
            department=str(record.department),
            department_name=DEPARTMENT_NAMES[record.department],
            ticket=ticket,
        )

    @strawberry.mutation(description="科室答复反馈并设置状态")  # type: ignore[untyped-decorator]
    async def respond_feedback(
        self, info: Info, id: strawberry.ID, response: str, status: str
    ) -> FeedbackType:
        user = info.context.require_user()
        return FeedbackType.of(await service.respond(user, require_id(id), response, status))

    @strawberry.mutation(description="修改反馈分派设置（新版本；旧版本保留备查）")  # type: ignore[untyped-decorator]
    async def set_feedback_routing(
        self, info: Info, routes: list[RouteInput], note: str = ""
    ) -> RoutingType:
        user = info.context.require_user()
        mapping = {route.category: route.department for route in routes}
        return RoutingType.of(await service.set_routing(user, mapping, note))
