"""GraphQL types and resolvers of cases: ``case``, ``cases``, ``reviewCase``, ``assignCase``."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.cases import reads, review
from backend.cases.events import case_flags
from backend.cases.masking import mask_fields
from backend.cases.models import Actor, CaseRecord, DocumentRecord, HistoryEntry
from backend.cases.status import ReviewDecision as Decision
from backend.verification.risk import risk_level


@strawberry.enum(description="审核结论")
class ReviewDecision(Enum):
    APPROVE = "APPROVE"
    RETURN = "RETURN"


@strawberry.type
class Check:
    code: str
    severity: str
    field: str | None
    message: str


@strawberry.type
class Flag:
    code: str
    severity: str
    field: str | None
    message: str
    evidence: JSON

    @classmethod
    def of(cls, item: dict[str, Any]) -> Flag:
        return cls(
            code=item["code"],
            severity=item.get("severity", "warning"),
            field=item.get("field"),
            message=item.get("message", ""),
            evidence=JSON(item.get("evidence") or {}),
        )


@strawberry.type
class HistoryItem:
    at: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    reason: str | None
    client_id: str | None

    @classmethod
    def of(cls, entry: HistoryEntry) -> HistoryItem:
        return cls(
            at=entry.at,
            actor=entry.actor_name,
            action=entry.action,
            from_status=entry.from_status,
            to_status=entry.to_status,
            reason=entry.reason,
            client_id=entry.client_id,
        )


@strawberry.type
class Conflict:
    field: str
    value: JSON = strawberry.field(description="the value that won (the later push)")
    overwritten: JSON = strawberry.field(description="the value it replaced")
    overwritten_by: str | None
    by: str
    at: str

    @classmethod
    def of(cls, item: dict[str, Any]) -> Conflict:
        return cls(
            field=item["field"],
            value=JSON(item.get("value")),
            overwritten=JSON(item.get("overwritten")),
            overwritten_by=item.get("overwrittenBy"),
            by=item.get("by", ""),
            at=item.get("at", ""),
        )


@strawberry.type(name="CaseDocument")
class DocumentType:
    id: strawberry.ID
    doc_type: str | None
    status: str
    sha256: str
    fields: JSON
    checks: list[Check]

    @classmethod
    def of(cls, document: DocumentRecord) -> DocumentType:
        return cls(
            id=strawberry.ID(str(document.id)),
            doc_type=document.doc_type,
            status=document.status,
            sha256=document.sha256,
            fields=JSON(document.fields),
            checks=[
                Check(
                    code=c["code"],
                    severity=c.get("severity", "error"),
                    field=c.get("field"),
                    message=c.get("message", ""),
                )
                for c in document.checks
            ],
        )


@strawberry.type(name="Case")
class CaseType:
    id: strawberry.ID
    kind: str
    status: str
    version: int
    fields: JSON
    conflicts: list[Conflict]
    assignee: UserType | None = None
    documents: list[DocumentType] = strawberry.field(default_factory=list)
    flags: list[Flag] = strawberry.field(default_factory=list)
    history: list[HistoryItem] = strawberry.field(default_factory=list)
    practice: bool = strawberry.field(
        default=False, description="模拟演练的练习案件（不进入审核、统计与通知）"
    )
    risk: str | None = strawberry.field(
        default=None,
        description="风险等级（提示与核查中最高的严重程度）：none、warning、error"
        "（案件列表与 case 查询提供）",
    )

    @classmethod
    def summary(cls, case: CaseRecord, *, masked: bool = False) -> CaseType:
        return cls(
            id=strawberry.ID(str(case.id)),
            kind=str(case.kind),
            status=str(case.status),
            version=case.version,
            fields=JSON(mask_fields(case.fields) if masked else case.fields),
            conflicts=[Conflict.of(item) for item in case.conflicts],
            practice=case.practice,
        )


@strawberry.type
class CaseEdge:
    node: CaseType
    cursor: str


@strawberry.type
class PageInfo:
    end_cursor: str | None
    has_next_page: bool


@strawberry.type
class CaseConnection:
    edges: list[CaseEdge]
    page_info: PageInfo


@strawberry.type
class CasesQuery:
    @strawberry.field(name="case", description="一个案件的全部信息（无权查看时为 FORBIDDEN）")
    async def case_(self, info: Info, id: strawberry.ID) -> CaseType:
        context = info.context
        view = await reads.case_view(context.require_user(), reads.parse_id(id), context.device_id)
        node = CaseType.summary(view.case)
        node.fields = JSON(view.fields)
        node.assignee = UserType.of(view.assignee) if view.assignee else None
        node.documents = [DocumentType.of(d) for d in view.documents]
        node.history = [HistoryItem.of(h) for h in view.history]
        flags = await case_flags(view.case.id)
        node.flags = [Flag.of(f) for f in flags]
        node.risk = str(risk_level(flags))
        return node

    @strawberry.field(
        description="本人可见的案件列表（身份证号已遮挡），即审核队列：可按状态、风险等级、"
        "外勤人员和提交日期（起止均含，中心所在时区）筛选；按案件编号稳定排序，"
        "游标与筛选条件绑定"
    )
    async def cases(
        self,
        info: Info,
        status: str | None = None,
        first: int | None = None,
        after: str | None = None,
        risk: str | None = None,
        staff_id: strawberry.ID | None = None,
        submitted_from: date | None = None,
        submitted_to: date | None = None,
    ) -> CaseConnection:
        request = reads.ListRequest(
            status=status,
            risk=risk,
            staff_id=str(staff_id) if staff_id is not None else None,
            submitted_from=submitted_from,
            submitted_to=submitted_to,
        )
        page = await reads.list_cases(info.context.require_user(), request, first, after)
        edges = []
        for case, cursor in zip(page.cases, page.cursors, strict=True):
            node = CaseType.summary(case)
            node.risk = page.risks.get(case.id, "none")
            assignee = page.assignees.get(case.assignee) if case.assignee else None
            node.assignee = UserType.of(assignee) if assignee else None
            edges.append(CaseEdge(node=node, cursor=cursor))
        return CaseConnection(
            edges=edges,
            page_info=PageInfo(end_cursor=page.end_cursor, has_next_page=page.has_next_page),
        )


@strawberry.type
class CasesMutation:
    @strawberry.mutation(description="审核案件：通过或退回（退回需填写原因）")
    async def review_case(
        self, info: Info, id: strawberry.ID, decision: ReviewDecision, reason: str | None = None
    ) -> CaseType:
        actor = Actor(info.context.require_user(), info.context.device_id)
        case = await review.review_case(actor, reads.parse_id(id), Decision(decision.value), reason)
        return CaseType.summary(case, masked=True)

    @strawberry.mutation(description="把案件指派给本组的外勤人员")
    async def assign_case(
        self, info: Info, id: strawberry.ID, assignee_id: strawberry.ID
    ) -> CaseType:
        actor = Actor(info.context.require_user(), info.context.device_id)
        case = await review.assign_case(
            actor, reads.parse_id(id), reads.parse_id(assignee_id, "assigneeId")
        )
        return CaseType.summary(case, masked=True)
