"""Drill scenarios (pure): an invented 租房提取 case with chosen risks planted, as the values
each document photo shows and the answer key those values imply."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from backend.training.identities import Person, fake_address, fake_person
from backend.training.models import AnswerKey
from backend.training.topics import flag_label

RISKS = (
    "CERTIFICATE_EXPIRED",
    "MARITAL_STATUS_REVERSED",
    "ID_MISMATCH",
    "AMOUNT_EXCEEDS_LIMIT",
    "DOCUMENT_MISSING",
)
RENT_CAP = 12000  # the policy's default yearly cap for 07 (backend.verification.policy_keys)
CERTIFICATE_VALID_DAYS = 90
_ISSUERS = ("六盘水市钟山区民政局婚姻登记处", "盘州市民政局", "六枝特区民政局婚姻登记处")
_REGISTRIES = ("六盘水市不动产登记中心", "盘州市不动产登记中心")


@dataclass(frozen=True, slots=True)
class DocPlan:
    doc_type: str
    values: dict[str, str]  # what the photo shows, by document field key


@dataclass(frozen=True, slots=True)
class DrillPlan:
    title: str
    brief: str
    documents: tuple[DocPlan, ...]
    key: AnswerKey


def _money(value: int) -> str:
    return f"{value}.00"


def rent_drill(
    rng: random.Random, risks: Sequence[str], as_of: dt.date, person: Person | None = None
) -> DrillPlan:
    """A rent withdrawal (提取原因 07) with ``risks`` planted; none planted: approvable."""
    unknown = [r for r in risks if r not in RISKS]
    if unknown:
        raise ValueError(f"unknown risks: {unknown}")
    p = person or fake_person(rng)
    rent = rng.randrange(8, 20) * 100
    over = "AMOUNT_EXCEEDS_LIMIT" in risks
    amount = RENT_CAP + rng.randrange(6, 30) * 100 if over else rent * rng.randrange(3, 7)
    marital = "未婚" if "MARITAL_STATUS_REVERSED" in risks else rng.choice(("未婚", "已婚"))
    stale = "CERTIFICATE_EXPIRED" in risks
    issued = as_of - dt.timedelta(days=rng.randrange(120, 200) if stale else rng.randrange(3, 40))
    certificate_id = fake_person(rng, p.sex).id_number if "ID_MISMATCH" in risks else p.id_number
    start = dt.date(as_of.year - 1 if as_of.month < 7 else as_of.year, rng.randrange(1, 7), 1)
    end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    rental_address = fake_address(rng)
    documents = [
        DocPlan("id_card", {
            "name": p.name, "sex": p.sex, "ethnicity": rng.choice(("汉", "苗", "布依", "彝")),
            "birth_date": p.birth.isoformat(), "address": p.address, "id_number": p.id_number}),
        DocPlan("marital_status_certificate", {
            "name": p.name, "sex": p.sex, "id_number": certificate_id, "marital_status": marital,
            "issue_date": (as_of - dt.timedelta(days=rng.randrange(5, 60))).isoformat(),
            "issuer": rng.choice(_ISSUERS)}),
        DocPlan("no_housing_certificate", {
            "name": p.name, "id_number": p.id_number,
            "query_result": "经查询，未发现该申请人名下有不动产登记记录。",
            "issue_date": issued.isoformat(), "issuer": rng.choice(_REGISTRIES)}),
    ]
    if "DOCUMENT_MISSING" not in risks:
        landlord = fake_person(rng)
        documents.append(DocPlan("rental_contract", {
            "landlord_name": landlord.name, "tenant_name": p.name,
            "tenant_id_number": p.id_number, "rental_address": rental_address,
            "monthly_rent": _money(rent), "lease_start": start.isoformat(),
            "lease_end": end.isoformat()}))
    history = "该职工 2023 年办理贷款时登记的婚姻状况为「已婚」。" \
        if "MARITAL_STATUS_REVERSED" in risks else "该职工此前未办理过提取业务。"
    brief = (f"{p.name}申请租房提取住房公积金，申请提取金额 {_money(amount)} 元。{history}"
             f"请核对材料（今天是 {as_of.isoformat()}），"
             "填写案件信息，标出发现的风险并给出审核结论。")
    fields = {"name": p.name, "id_number": p.id_number, "withdrawal_reason": "07",
              "amount": _money(amount), "marital_status": marital}
    if "DOCUMENT_MISSING" not in risks:
        fields |= {"rental_address": rental_address, "monthly_rent": _money(rent)}
    flags = tuple(sorted(risks))
    reason = "；".join(flag_label(code) for code in flags) or None
    key = AnswerKey(
        fields=fields, flags=flags, decision="RETURN" if flags else "APPROVE",
        return_reason=reason,
    )
    planted = "、".join(flag_label(code) for code in flags) or "无风险"
    return DrillPlan(f"租房提取演练（{planted}）", brief, tuple(documents), key)


def risk_mix(index: int) -> tuple[str, ...]:
    """The risks of the index-th generated drill: none, each alone, then pairs, cycling."""
    singles = [(r,) for r in RISKS]
    pairs = [(a, b) for i, a in enumerate(RISKS) for b in RISKS[i + 1:]]
    mixes: list[tuple[str, ...]] = [(), *singles, *pairs]
    return mixes[index % len(mixes)]
