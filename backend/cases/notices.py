"""Who hears about a case, and what they are told (decisions, new risk flags).

Each function is called inside the transaction that writes its cause, so the inbox entry
and its push jobs commit or roll back with it (``backend.notifications.service.notify``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.roles import Role
from backend.cases.models import CaseRecord
from backend.cases.status import CaseKind, ReviewDecision
from backend.notifications.kinds import NotificationKind
from backend.notifications.service import notify

ALERTING = frozenset({"error", "warning"})


def worker_of(case: CaseRecord) -> UUID:
    """The field worker (or employer) the case is with."""
    return case.assignee or case.creator


def _flag_key(flag: dict[str, Any]) -> tuple[Any, ...]:
    return (flag.get("code"), flag.get("field"), flag.get("documentId"))


def new_alerting_flags(
    previous: Iterable[dict[str, Any]], current: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Error- and warning-level flags of this run that the previous run did not have (pure)."""
    seen = {_flag_key(flag) for flag in previous}
    return [f for f in current if f.get("severity") in ALERTING and _flag_key(f) not in seen]


def _who(case: CaseRecord) -> str:
    name = case.fields.get("name") or case.fields.get("unit_name")
    return f"（{name}）" if name else ""


async def _supervisors(case: CaseRecord) -> list[UUID]:
    if case.team_id is None:
        return []
    members = await accounts.team_members(case.team_id)
    return [u.id for u in members if u.role == Role.SUPERVISOR and u.active]


async def notify_new_flags(case: CaseRecord, flags: list[dict[str, Any]]) -> None:
    """The case's field worker and their team's supervisor hear of new risk flags."""
    if not flags:
        return
    lines = "；".join(str(f.get("message", f.get("code"))) for f in flags[:5])
    more = f"等 {len(flags)} 项" if len(flags) > 5 else ""
    await notify(
        [worker_of(case), *await _supervisors(case)],
        str(NotificationKind.RISK_FLAGGED),
        f"案件{_who(case)}有新的风险提示",
        f"核查发现{more}：{lines}",
        case.id,
    )


async def notify_decision(case: CaseRecord, decision: ReviewDecision, reason: str | None) -> None:
    """Approval or return reaches whoever works the case."""
    if decision == ReviewDecision.RETURN:
        kind, title = NotificationKind.CASE_RETURNED, f"案件{_who(case)}已退回"
        body = f"退回原因：{reason}" if reason else "案件已退回，请查看。"
    else:
        kind = NotificationKind.CASE_APPROVED
        if case.kind == CaseKind.UNIT_REGISTRATION:
            kind = NotificationKind.REGISTRATION_APPROVED
        title = f"案件{_who(case)}已审核通过"
        body = f"审核意见：{reason}" if reason else "案件已审核通过。"
    await notify([worker_of(case)], str(kind), title, body, case.id)
