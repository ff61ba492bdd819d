"""Risks seen against time and the same person's earlier submissions (pure).

Dates are the case's submission date and the certificates' issue dates; windows come from
the policy in force on the submission date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, EarlierCase, Flag, PersonHistory
from backend.verification.normalise import Marital
from backend.verification.policy import Policy
from backend.verification.policy_keys import REASON_ZH
from backend.verification.texts import DOC_ZH


def marital_statuses(case: CaseSnapshot) -> list[tuple[Marital, str, str | None]]:
    """(status, as printed, certificate id or None for the case field) the case declares."""
    found: list[tuple[Marital, str, str | None]] = []
    for certificate in case.documents_of("marital_status_certificate"):
        printed = certificate.fields.get("marital_status")
        status = normalise.marital(printed)
        if status is not None and printed:
            found.append((status, printed, certificate.id))
    printed = case.fields.get("marital_status")
    status = normalise.marital(printed)
    if status is not None and printed:
        found.append((status, printed, None))
    return found


def _earlier(case: CaseSnapshot, history: PersonHistory) -> list[EarlierCase]:
    """The person's other cases submitted up to this one, newest first."""
    earlier = [
        e
        for e in history.cases
        if e.snapshot.id != case.id and e.snapshot.submitted_on <= case.submitted_on
    ]
    return sorted(earlier, key=lambda e: e.snapshot.submitted_on, reverse=True)


def _last_married(case: CaseSnapshot, history: PersonHistory) -> tuple[EarlierCase, str] | None:
    for earlier in _earlier(case, history):
        for status, printed, _ in marital_statuses(earlier.snapshot):
            if status == Marital.MARRIED:
                return earlier, printed
    return None


def marital_status_reversed(case: CaseSnapshot, history: PersonHistory) -> list[Flag]:
    """Married → never married cannot happen (GB/T 2261.2: 20 leaves only to 30 or 40)."""
    now = [s for s in marital_statuses(case) if s[0] == Marital.NEVER_MARRIED]
    married = _last_married(case, history)
    if not now or married is None:
        return []
    earlier, before = married
    _, printed, document_id = now[0]
    return [
        Flag(
            FlagCode.MARITAL_STATUS_REVERSED,
            Severity.ERROR,
            f"婚姻状况由“{before}”变为“{printed}”（上次提交：{earlier.snapshot.submitted_on.isoformat()}，"
            f"案件 {earlier.snapshot.id}），已婚不可能变为未婚，请核实婚姻证明原件。",
            {
                "before": before,
                "now": printed,
                "earlierCaseId": earlier.snapshot.id,
                "earlierSubmittedOn": earlier.snapshot.submitted_on.isoformat(),
                "documentId": document_id,
            },
            field="marital_status",
            document_id=document_id,
        )
    ]


def marital_status_changed_recently(
    case: CaseSnapshot, history: PersonHistory, policy: Policy
) -> list[Flag]:
    """Divorced shortly before applying: the known "fake divorce" pattern."""
    window = policy.recent_divorce_days
    since = case.submitted_on - timedelta(days=window)
    divorced = [s for s in marital_statuses(case) if s[0] == Marital.DIVORCED]
    if not divorced:
        return []
    _, printed, document_id = divorced[0]
    evidence: dict[str, object] = {
        "now": printed,
        "windowDays": window,
        "policy": policy.source_of("recent_divorce_days"),
    }
    reasons = []
    for certificate in case.documents_of("marital_status_certificate"):
        issued = normalise.iso_date(certificate.fields.get("issue_date"))
        if (
            normalise.marital(certificate.fields.get("marital_status")) == Marital.DIVORCED
            and issued is not None
            and since <= issued <= case.submitted_on
        ):
            evidence |= {"issueDate": issued.isoformat(), "documentId": certificate.id}
            reasons.append(f"离婚证明出具于 {issued.isoformat()}")
            document_id = certificate.id
            break
    married = _last_married(case, history)
    if married is not None and married[0].snapshot.submitted_on >= since:
        earlier = married[0].snapshot
        evidence |= {
            "before": married[1],
            "earlierCaseId": earlier.id,
            "earlierSubmittedOn": earlier.submitted_on.isoformat(),
        }
        reasons.append(
            f"{earlier.submitted_on.isoformat()} 提交的案件 {earlier.id} 中仍为“{married[1]}”"
        )
    if not reasons:
        return []
    return [
        Flag(
            FlagCode.MARITAL_STATUS_CHANGED_RECENTLY,
            Severity.WARNING,
            f"申请人在申请前 {window} 天内变更为离婚（{'；'.join(reasons)}），"
            "请核实离婚的真实性及财产分割情况。",
            evidence,
            field="marital_status",
            document_id=document_id,
        )
    ]


def certificates_expired(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    """Valid through issue date + N days; older on the submission date is expired."""
    flags = []
    for doc_type, days in policy.certificate_validity_days.items():
        for certificate in case.documents_of(doc_type):
            issued = normalise.iso_date(certificate.fields.get("issue_date"))
            if issued is None:
                continue
            valid_until = issued + timedelta(days=days)
            if case.submitted_on <= valid_until:
                continue
            flags.append(
                Flag(
                    FlagCode.CERTIFICATE_EXPIRED,
                    Severity.ERROR,
                    f"{DOC_ZH[doc_type]}出具于 {issued.isoformat()}，有效期 {days} 天"
                    f"（至 {valid_until.isoformat()}），"
                    f"提交日 {case.submitted_on.isoformat()} 已过期，请重新开具。",
                    {
                        "documentId": certificate.id,
                        "docType": doc_type,
                        "issueDate": issued.isoformat(),
                        "validUntil": valid_until.isoformat(),
                        "submittedOn": case.submitted_on.isoformat(),
                        "policy": policy.source_of(f"certificate_validity_days.{doc_type}"),
                    },
                    field="issue_date",
                    document_id=certificate.id,
                )
            )
    return flags


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


def withdrawal_too_soon(case: CaseSnapshot, history: PersonHistory, policy: Policy) -> list[Flag]:
    """Before the next eligible date (last approved withdrawal of the reason + interval)."""
    if case.kind != "withdrawal":
        return []
    reason = case.fields.get("withdrawal_reason", "")
    earlier = [e for e in _earlier(case, history) if e.snapshot.kind == "withdrawal"]
    flags = [
        Flag(
            FlagCode.WITHDRAWAL_TOO_SOON,
            Severity.WARNING,
            f"该职工已有一笔提取正在办理（案件 {e.snapshot.id}，"
            f"{e.snapshot.submitted_on.isoformat()} 提交），"
            "办结前不能再次提取。",
            {
                "earlierCaseId": e.snapshot.id,
                "earlierStatus": e.status,
                "earlierSubmittedOn": e.snapshot.submitted_on.isoformat(),
            },
        )
        for e in earlier
        if e.in_progress
    ]
    months = policy.withdrawal_interval_months.get(reason, 0)
    approved = [
        e
        for e in earlier
        if e.status == "approved" and e.snapshot.fields.get("withdrawal_reason") == reason
    ]
    if months <= 0 or not approved:
        return flags
    last = max(approved, key=_decided)
    eligible = normalise.add_months(_decided(last), months)
    if case.submitted_on < eligible:
        flags.append(
            Flag(
                FlagCode.WITHDRAWAL_TOO_SOON,
                Severity.ERROR,
                f"上次{REASON_ZH.get(reason, reason)}提取于 {_decided(last).isoformat()} 办结"
                f"（案件 {last.snapshot.id}），"
                f"间隔 {months} 个月，下次可提取日为 {eligible.isoformat()}。",
                {
                    "earlierCaseId": last.snapshot.id,
                    "lastApprovedOn": _decided(last).isoformat(),
                    "intervalMonths": months,
                    "nextEligibleOn": eligible.isoformat(),
                    "submittedOn": case.submitted_on.isoformat(),
                    "policy": policy.source_of(f"withdrawal_interval_months.{reason}"),
                },
                field="withdrawal_reason",
            )
        )
    return flags


def _decided(case: EarlierCase) -> date:
    return case.decided_on or case.snapshot.submitted_on


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
