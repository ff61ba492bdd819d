"""Making drills: generated with planted risks, written by a trainer, or promoted from a
reviewed real case with every personal datum replaced and the photos drawn anew."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import anyio.to_thread

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases import queries as cases
from backend.cases.policy import may_review
from backend.cases.status import CaseStatus
from backend.errors import DoorstepError, ErrorCode
from backend.training import queries
from backend.training.identities import Replacer
from backend.training.models import AnswerKey, DrillPhoto, DrillRecord
from backend.training.photos import render_photo
from backend.training.promotion import promoted_documents
from backend.training.scenario import RISKS, DocPlan, DrillPlan, rent_drill, risk_mix
from backend.training.topics import field_label, flag_label
from backend.uploads.service import store_server_file
from backend.verification.flags import case_flags

BRIEFED = ("withdrawal_reason", "amount")  # told in a promoted drill's brief
CENTRE_TZ = dt.timezone(dt.timedelta(hours=8))
TRAINERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _today() -> dt.date:
    return datetime.now(CENTRE_TZ).date()


async def _photos(
    documents: Sequence[DocPlan], seed: int, owner: uuid.UUID
) -> list[DrillPhoto]:
    photos = []
    for index, document in enumerate(documents):
        data = await anyio.to_thread.run_sync(
            render_photo, document.doc_type, document.values, seed * 31 + index
        )
        sha256 = await store_server_file(data, f"drill-{document.doc_type}.jpg", owner)
        photos.append(DrillPhoto(sha256, document.doc_type))
    return photos


async def _system_owner() -> uuid.UUID:
    """Files the CLI makes are recorded as uploaded by the first administrator."""
    admins = [u for u in await accounts.users_with_role(Role.ADMIN) if u.active]
    if not admins:
        raise DoorstepError(ErrorCode.INVALID_STATE, "请先创建管理员账号，再生成演练")
    return min(admins, key=lambda u: u.username).id


async def store_plan(
    plan: DrillPlan, source: str, created_by: UserRecord | None, seed: int, case_kind: str
) -> DrillRecord:
    owner = created_by.id if created_by else await _system_owner()
    drill = DrillRecord(
        id=uuid.uuid4(), title=plan.title, source=source, case_kind=case_kind,
        brief=plan.brief, key=plan.key,
        photos=tuple(await _photos(plan.documents, seed, owner)), active=True,
        created_by=created_by.id if created_by else None, created_at=datetime.now(UTC),
    )
    await queries.insert_drill(drill)
    return drill


async def generate_drills(
    count: int, seed: int | None = None, first_mix: int = 0
) -> list[DrillRecord]:
    """``doorstep drills generate``: rent withdrawals with risks planted in turn (no risk,
    each risk alone, then pairs: ``scenario.risk_mix`` from ``first_mix`` on)."""
    base = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
    made = []
    for index in range(count):
        rng = random.Random(base + index)
        plan = rent_drill(rng, risk_mix(first_mix + index), _today())
        made.append(await store_plan(plan, "generated", None, base + index, "withdrawal"))
    return made


async def author_drill(
    user: UserRecord, title: str, risks: Sequence[str], brief: str | None
) -> DrillRecord:
    """A trainer's drill: the risks they choose planted in a generated rent withdrawal."""
    if user.role not in TRAINERS:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    unknown = [r for r in risks if r not in RISKS]
    if unknown:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"不支持的风险：{'、'.join(unknown)}", field="risks"
        )
    title = title.strip()
    if not title or len(title) > 200:
        message = "请填写演练标题（200 字以内）"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="title")
    seed = random.SystemRandom().randrange(1 << 30)
    plan = rent_drill(random.Random(seed), sorted(set(risks)), _today())
    plan = DrillPlan(title, (brief or "").strip() or plan.brief, plan.documents, plan.key)
    return await store_plan(plan, "authored", user, seed, "withdrawal")


async def promote_case(user: UserRecord, case_id: uuid.UUID, title: str | None) -> DrillRecord:
    """A reviewed real case as a drill: values and photos invented anew, same logic."""
    case = await cases.case_by_id(case_id)
    if case is None or case.practice:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="caseId")
    if not may_review(user, case.parties):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if case.status not in (CaseStatus.APPROVED, CaseStatus.RETURNED):
        raise DoorstepError(ErrorCode.INVALID_STATE, "只有已审核（通过或退回）的案件可以改编为演练")
    seed = random.SystemRandom().randrange(1 << 30)
    replacer = Replacer(random.Random(seed))
    fields = replacer.fields(case.fields)
    documents = promoted_documents(await cases.documents_of([case.id]), replacer)
    flags = sorted({
        str(f["code"]) for f in await case_flags(case.id)
        if f.get("severity") in ("error", "warning") and str(f["code"]).isupper()
    })
    returned = [h for h in await cases.history_of(case.id) if h.action == "return"]
    decision = "RETURN" if case.status == CaseStatus.RETURNED else "APPROVE"
    reason = replacer.text(returned[-1].reason or "") if returned and decision == "RETURN" else None
    shown = {v for d in documents for v in d.values.values()}
    key = AnswerKey(  # what a trainee can know: values on the photos, reason and amount
        fields={k: str(v) for k, v in fields.items()
                if isinstance(v, str | int | float) and (str(v) in shown or k in BRIEFED)},
        flags=tuple(flags), decision=decision,
        return_reason=reason or ("；".join(flag_label(c) for c in flags) or None),
    )
    told = "；".join(f"{field_label(k)}：{fields[k]}" for k in BRIEFED if k in fields)
    brief = (f"由已审核的真实案件改编（个人信息均已替换）。{told}。"
             "请核对材料，填写案件信息，标出风险并给出审核结论。")
    plan = DrillPlan(title or "真实案例演练", brief, tuple(documents), key)
    return await store_plan(plan, "promoted", user, seed, str(case.kind))
