"""Company outreach (走进企业宣传): import the list, plan visits, follow the 建缴率."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.errors import DoorstepError, ErrorCode
from backend.visits import queries
from backend.visits.changes import visit_changes
from backend.visits.models import (
    OutreachCompanyRecord,
    OutreachSummary,
    VisitRecord,
    VisitRequest,
)
from backend.visits.outreach_csv import parse_companies
from backend.visits.policy import may_dispatch
from backend.visits.service import request_visit, schedule_visit
from sync.changelog import changes


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported: int
    skipped: list[str]


def _require(actor: UserRecord) -> None:
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)


async def import_companies(actor: UserRecord, batch: str, csv_text: str) -> ImportResult:
    _require(actor)
    batch = batch.strip()
    if not batch or len(batch) > 50:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "请填写批次名称（不超过 50 字）", field="batch"
        )
    parsed = parse_companies(csv_text)
    if not parsed.rows and parsed.problems:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "；".join(parsed.problems[:5]), field="csv"
        )
    known = await queries.known_usccs([r.uscc for r in parsed.rows if r.uscc])
    skipped = list(parsed.problems)
    at = datetime.now(UTC)
    new: list[OutreachCompanyRecord] = []
    for row in parsed.rows:
        if row.uscc in known:
            skipped.append(f"第 {row.line} 行：{row.name} 已在名单中")
            continue
        new.append(
            OutreachCompanyRecord(
                uuid.uuid4(),
                batch,
                row.name,
                row.uscc,
                row.address,
                row.contact,
                row.phone,
                None,
                at,
            )
        )
    await queries.insert_companies(new)
    return ImportResult(len(new), skipped)


async def plan_company_visit(
    actor: UserRecord, company_id: UUID, staff_id: UUID, day: date, slot: str | None
) -> VisitRecord:
    """A unit_registration visit to the company, scheduled for ``staff_id``."""
    _require(actor)
    company = await queries.company_by_id(company_id)
    if company is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该单位", field="companyId")
    if company.visit_id is not None:
        existing = await queries.visit_by_id(company.visit_id)
        if existing is not None and existing.status in ("requested", "scheduled"):
            return await schedule_visit(actor, existing.id, staff_id, day, slot)
    async with changes.write_transaction():
        visit = (
            await request_visit(
                VisitRequest(
                    "unit_registration",
                    company.name,
                    company.phone or "",
                    company.address,
                    None,
                    f"走进企业宣传：{company.batch}",
                ),
                "desk",
                entered_by=actor,
                channel="outreach",
            )
            if company.phone
            else None
        )
        if visit is None:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, "该单位没有联系电话，无法预约", field="companyId"
            )
        linked = visit.next(visit.updated_at, company_id=company.id)
        await queries.save_visit(linked)
        await changes.record(visit_changes(visit, linked), linked.updated_at)
        await queries.link_company_visit(company.id, visit.id)
        return await schedule_visit(actor, visit.id, staff_id, day, slot)


async def summaries(actor: UserRecord) -> list[OutreachSummary]:
    _require(actor)
    companies = await queries.companies()
    visits = await queries.visits_by_ids([c.visit_id for c in companies if c.visit_id])
    by_batch: dict[str, list[OutreachCompanyRecord]] = {}
    for company in companies:
        by_batch.setdefault(company.batch, []).append(company)
    result = []
    for batch, members in sorted(by_batch.items()):
        linked = [visits[c.visit_id] for c in members if c.visit_id in visits]
        result.append(
            OutreachSummary(
                batch=batch,
                companies=len(members),
                visited=sum(1 for v in linked if v.status == "done"),
                registered=sum(1 for v in linked if v.case_id is not None),
            )
        )
    return result


async def companies_of(actor: UserRecord, batch: str | None) -> list[OutreachCompanyRecord]:
    _require(actor)
    return await queries.companies(batch)
