"""staffMetrics: the period's history of the cases a reviewer may review, measured."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.assessment.metrics import staff_metrics
from backend.assessment.models import NamedMetrics
from backend.cases import queries
from backend.cases.policy import may_review
from backend.errors import DoorstepError, ErrorCode
from backend.verification.flags import case_flags

MAX_DAYS = 366


async def metrics_for(user: UserRecord, first_day: date, last_day: date) -> list[NamedMetrics]:
    """Both days included; a supervisor gets their team's cases only (may_review)."""
    if last_day < first_day or (last_day - first_day).days > MAX_DAYS:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "统计期间无效（最长一年）", field="to")
    start = datetime.combine(first_day, time.min, tzinfo=UTC)
    end = datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=UTC)
    cases = await queries.cases_by_ids(await queries.case_ids_active_between(start, end))
    reviewable = {cid: case for cid, case in cases.items() if may_review(user, case.parties)}
    owner_of = {cid: case.assignee or case.creator for cid, case in reviewable.items()}
    flags_of = {cid: [str(f["code"]) for f in await case_flags(cid)] for cid in reviewable}
    history = await queries.history_of_cases(list(reviewable))
    results = staff_metrics(history, owner_of, flags_of, start, end)
    staff = {u.id: u for u in await accounts.users_by_ids([m.staff_id for m in results])}
    return [NamedMetrics(staff[m.staff_id], m) for m in results if m.staff_id in staff]
