"""Marital status against the same person's earlier submissions (pure): a status reversed
(never married after having been married) or changed shortly before the withdrawal.
"""

from __future__ import annotations

from datetime import timedelta

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.history_rules import earlier_cases
from backend.verification.models import CaseSnapshot, EarlierCase, Flag, PersonHistory
from backend.verification.normalise import Marital
from backend.verification.policy import Policy


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


def _last_married(case: CaseSnapshot, history: PersonHistory) -> tuple[EarlierCase, str] | None:
    for earlier in earlier_cases(case, history):
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
