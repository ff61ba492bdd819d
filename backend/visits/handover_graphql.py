"""GraphQL of handovers (业务衔接) and company outreach (走进企业宣传)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.visits import handover, outreach
from backend.visits.graphql import VisitType, shaped
from backend.visits.models import HandoverRecord
from backend.visits.service import parse_id


@strawberry.type(description="移交人的一台设备：同步前其中的工作仍在设备上")
class HandoverDevice:
    client_id: str
    state: str = strawberry.field(
        description="pending（待同步） | synced（已同步） | exported（已导出）"
    )
    last_mutation_id_at_handover: int
    last_mutation_id_now: int
    settled_at: datetime | None


@strawberry.type(description="一次业务衔接：移交的件数，以及移交人设备上尚未同步的工作")
class HandoverResult:
    id: strawberry.ID
    from_user_id: strawberry.ID
    to_user_id: strawberry.ID
    reason: str
    at: datetime
    cases: int
    visits: int
    counts: JSON = strawberry.field(description="每一步移交的件数 {cases, visits, feedback…}")
    devices: list[HandoverDevice]
    complete: bool = strawberry.field(description="设备都已同步或导出")


async def _shape(record: HandoverRecord) -> HandoverResult:
    now = await handover.current_counters(record)
    return HandoverResult(
        id=strawberry.ID(str(record.id)),
        from_user_id=strawberry.ID(str(record.from_user)),
        to_user_id=strawberry.ID(str(record.to_user)),
        reason=record.reason,
        at=record.at,
        cases=record.counts.get("cases", 0),
        visits=record.counts.get("visits", 0),
        counts=JSON(record.counts),
        devices=[
            HandoverDevice(
                client_id=d.client_id,
                state=d.state,
                last_mutation_id_at_handover=d.last_mutation_id,
                last_mutation_id_now=now.get(d.client_id, d.last_mutation_id),
                settled_at=d.settled_at,
            )
            for d in record.devices
        ],
        complete=not record.pending_devices,
    )


@strawberry.type
class ImportResult:
    imported: int
    skipped: list[str]


@strawberry.type(description="一批走访单位的进展：建缴率 = 已建登记案件的单位 / 名单单位")
class OutreachSummaryType:
    batch: str
    companies: int
    visited: int
    registered: int
    rate: float


@strawberry.type
class OutreachCompanyType:
    id: strawberry.ID
    batch: str
    name: str
    uscc: str | None
    address: str
    contact: str
    phone: str
    visit_id: strawberry.ID | None


@strawberry.type
class HandoverQuery:
    @strawberry.field(  # type: ignore[untyped-decorator]
        description="某人的移交记录（移交或接手）"
    )
    async def handovers(self, info: Info, user_id: strawberry.ID) -> list[HandoverResult]:
        records = await handover.handovers_of(
            info.context.require_user(), parse_id(user_id, "userId")
        )
        return [await _shape(r) for r in records]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="走进企业宣传：各批次的走访和建缴情况"
    )
    async def outreach_summary(self, info: Info) -> list[OutreachSummaryType]:
        rows = await outreach.summaries(info.context.require_user())
        return [
            OutreachSummaryType(
                batch=r.batch,
                companies=r.companies,
                visited=r.visited,
                registered=r.registered,
                rate=r.rate,
            )
            for r in rows
        ]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="走进企业宣传的单位名单"
    )
    async def outreach_companies(
        self, info: Info, batch: str | None = None
    ) -> list[OutreachCompanyType]:
        rows = await outreach.companies_of(info.context.require_user(), batch)
        return [
            OutreachCompanyType(
                id=strawberry.ID(str(c.id)),
                batch=c.batch,
                name=c.name,
                uscc=c.uscc,
                address=c.address,
                contact=c.contact,
                phone=c.phone,
                visit_id=strawberry.ID(str(c.visit_id)) if c.visit_id else None,
            )
            for c in rows
        ]


@strawberry.type
class HandoverMutation:
    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="业务衔接：把一人的在办案件、已安排上门和待办反馈移交给另一人"
    )
    async def hand_over(
        self, info: Info, from_user_id: strawberry.ID, to_user_id: strawberry.ID, reason: str
    ) -> HandoverResult:
        record = await handover.hand_over(
            info.context.require_user(),
            parse_id(from_user_id, "fromUserId"),
            parse_id(to_user_id, "toUserId"),
            reason,
        )
        return await _shape(record)

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="确认已收到移交人设备的加密导出（其未同步工作已交回）"
    )
    async def mark_handover_device_exported(
        self, info: Info, handover_id: strawberry.ID, client_id: str
    ) -> HandoverResult:
        record = await handover.mark_exported(
            info.context.require_user(), parse_id(handover_id, "handoverId"), client_id
        )
        return await _shape(record)

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="移交人的设备都已同步或导出后，吊销这些设备；返回吊销台数"
    )
    async def revoke_handed_over_devices(self, info: Info, handover_id: strawberry.ID) -> int:
        return await handover.revoke_leaver_devices(
            info.context.require_user(), parse_id(handover_id, "handoverId")
        )

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="导入应登记单位名单（CSV：单位名称、统一社会信用代码、地址、联系人、电话）"
    )
    async def import_outreach_companies(self, info: Info, batch: str, csv: str) -> ImportResult:
        result = await outreach.import_companies(info.context.require_user(), batch, csv)
        return ImportResult(imported=result.imported, skipped=result.skipped)

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="为名单中的单位安排一次上门（单位缴存登记）"
    )
    async def plan_company_visit(
        self,
        info: Info,
        company_id: strawberry.ID,
        staff_id: strawberry.ID,
        date: date,
        slot: str | None = None,
    ) -> VisitType:
        visit = await outreach.plan_company_visit(
            info.context.require_user(),
            parse_id(company_id, "companyId"),
            parse_id(staff_id, "staffId"),
            date,
            slot,
        )
        return (await shaped([visit]))[0]
