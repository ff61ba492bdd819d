"""Behind the figures: the real cases a person's work indicators count in a month, and the
peak periods (return rate by hour of day and day of month) of the cases one may review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.assessment.monthly import month_bounds, staff_in_scope
from backend.assessment.peaks import CENTRE, Slot, peaks
from backend.cases import queries as cases
from backend.cases.models import HistoryEntry
from backend.cases.policy import may_review
from backend.cases.status import CaseStatus
from backend.errors import DoorstepError, ErrorCode

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class WorkEntry:
    case_id: UUID
    action: str  # submit | return | approve
    at: datetime
    reason: str | None


def _counted(entry: HistoryEntry) -> str | None:
    if entry.action == "submit":
        return "submit"
    if entry.to_status == CaseStatus.RETURNED:
        return "return"
    if entry.to_status == CaseStatus.APPROVED:
        return "approve"
    return None


async def work_behind(user: UserRecord, month: str, user_id: UUID) -> list[WorkEntry]:
    """The submissions, returns and approvals behind 业务回退率 and handling time."""
    _, start, end = month_bounds(month)
    if user_id not in {s.id for s in await staff_in_scope(user, None)}:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    found = await cases.cases_by_ids(await cases.case_ids_active_between(start, end))
    mine = [cid for cid, c in found.items() if (c.assignee or c.creator) == user_id]
    out = []
    for entry in await cases.history_of_cases(mine):
        action = _counted(entry)
        if action and start <= entry.at < end:
            out.append(WorkEntry(entry.case_id, action, entry.at, entry.reason))
    return sorted(out, key=lambda e: e.at)


async def return_peaks(
    user: UserRecord, first_day: date, last_day: date
) -> tuple[list[Slot], list[Slot]]:
    if last_day < first_day or (last_day - first_day).days > MAX_DAYS:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "统计期间无效（最长一年）", field="to")
    start = datetime.combine(first_day, time.min, tzinfo=CENTRE).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=CENTRE).astimezone(UTC)
    found = await cases.cases_by_ids(await cases.case_ids_active_between(start, end))
    reviewable = [cid for cid, c in found.items() if may_review(user, c.parties)]
    history = [e for e in await cases.history_of_cases(reviewable) if start <= e.at < end]
    return peaks(history)
