"""Risks seen against time and the same person's earlier submissions (pure).

Dates are the case's submission date and the certificates' issue dates; windows come from
the policy in force on the submission date.

Marital rules are in ``marital_rules``, property rules in ``property_rules``.
"""

from __future__ import annotations

from datetime import date, timedelta

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, EarlierCase, Flag, PersonHistory
from backend.verification.policy import Policy
from backend.verification.policy_keys import REASON_ZH
from backend.verification.texts import DOC_ZH


def earlier_cases(case: CaseSnapshot, history: PersonHistory) -> list[EarlierCase]:
    """The person's other cases submitted up to this one, newest first."""
    earlier = [
        e
        for e in history.cases
        if e.snapshot.id != case.id and e.snapshot.submitted_on <= case.submitted_on
    ]
    return sorted(earlier, key=lambda e: e.snapshot.submitted_on, reverse=True)


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


def withdrawal_too_soon(case: CaseSnapshot, history: PersonHistory, policy: Policy) -> list[Flag]:
    """Before the next eligible date (last approved withdrawal of the reason + interval)."""
    if case.kind != "withdrawal":
        return []
    reason = case.fields.get("withdrawal_reason", "")
    earlier = [e for e in earlier_cases(case, history) if e.snapshot.kind == "withdrawal"]
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
