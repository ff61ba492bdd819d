"""Property rules (pure): a property found by the registry query, and the same property used
by another case (another person's, or the same person's within the policy's window).
"""

from __future__ import annotations

from collections.abc import Sequence

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, EarlierCase, Flag
from backend.verification.policy import Policy
from backend.verification.policy_keys import REASON_ZH


def property_found(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    reason = case.fields.get("withdrawal_reason", "")
    if case.kind != "withdrawal" or reason not in policy.no_property_reasons:
        return []
    return [
        Flag(
            FlagCode.PROPERTY_FOUND,
            Severity.ERROR,
            f"{REASON_ZH.get(reason, reason)}提取要求名下无房，但无房证明显示有房产"
            f"（查询结果：{certificate.fields.get('query_result') or '有房产'}），请核实。",
            {
                "documentId": certificate.id,
                "hasProperty": certificate.fields.get("has_property"),
                "queryResult": certificate.fields.get("query_result"),
                "reason": reason,
                "policy": policy.source_of("no_property_reasons"),
            },
            field="has_property",
            document_id=certificate.id,
        )
        for certificate in case.documents_of("no_housing_certificate")
        if normalise.truthy(certificate.fields.get("has_property"))
    ]


def property_addresses(case: CaseSnapshot, *, owned_only: bool) -> dict[str, str]:
    """Normal-form address → as printed, of the homes this case relies on."""
    sources = [
        ("property_address", case.fields),
        *[("property_address", d.fields) for d in case.documents_of("loan_contract")],
    ]
    if not owned_only:
        sources += [
            ("rental_address", case.fields),
            *[("rental_address", d.fields) for d in case.documents_of("rental_contract")],
        ]
    found: dict[str, str] = {}
    for key, fields in sources:
        printed = fields.get(key)
        if printed and normalise.address(printed):
            found.setdefault(normalise.address(printed), printed)
    return found


def property_reused(
    case: CaseSnapshot, candidates: Sequence[EarlierCase], policy: Policy
) -> list[Flag]:
    """One home behind withdrawals of different people, or the same person's twice in the window.

    ``candidates`` are the person's history and other people's cases together.
    """
    if case.kind != "withdrawal":
        return []
    months = policy.property_reuse_months
    spouse = normalise.id_number(case.fields.get("spouse_id_number"))
    mine_all = property_addresses(case, owned_only=False)
    mine_owned = property_addresses(case, owned_only=True)
    flags = []
    for other in candidates:
        snapshot = other.snapshot
        if snapshot.id == case.id or snapshot.kind != "withdrawal" or not other.counts:
            continue
        same_person = snapshot.subject == case.subject
        if same_person:
            # Counted forward from the earlier date, like the withdrawal interval, so a
            # 29 February withdrawal is twelve months old on the next 28 February.
            within = case.submitted_on < normalise.add_months(snapshot.submitted_on, months)
            if not (snapshot.submitted_on <= case.submitted_on and within):
                continue
            shared = mine_owned.keys() & property_addresses(snapshot, owned_only=True).keys()
        else:
            shared = mine_all.keys() & property_addresses(snapshot, owned_only=False).keys()
        for key in sorted(shared):
            flags.append(
                _reuse_flag(case, other, mine_all[key], same_person, spouse, months, policy)
            )
    return flags


def _reuse_flag(
    case: CaseSnapshot,
    other: EarlierCase,
    printed: str,
    same_person: bool,
    spouse: str,
    months: int,
    policy: Policy,
) -> Flag:
    snapshot = other.snapshot
    is_spouse = bool(spouse) and snapshot.subject == spouse
    if same_person:
        what = f"该职工 {months} 个月内再次以同一住房申请提取"
    else:
        who = "配偶" if is_spouse else "他人"
        what = f"同一住房已被{who}（{snapshot.fields.get('name') or '姓名不详'}）用于提取"
    return Flag(
        FlagCode.PROPERTY_REUSED,
        Severity.INFO if is_spouse else Severity.WARNING,
        f"{what}：“{printed}”（案件 {snapshot.id}，{snapshot.submitted_on.isoformat()} 提交），"
        "请核实房屋权属和提取记录。",
        {
            "address": printed,
            "earlierCaseId": snapshot.id,
            "earlierSubmittedOn": snapshot.submitted_on.isoformat(),
            "earlierStatus": other.status,
            "samePerson": same_person,
            "spouse": is_spouse,
            "earlierApplicant": snapshot.fields.get("name"),
            "policy": policy.source_of("property_reuse_months"),
        },
        field="property_address",
    )
