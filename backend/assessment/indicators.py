"""The month's measured values per staff member: work (cases), OCR corrections, visits,
member satisfaction (consultation's ratings), drills, policy checks, and any registered
source (``sources``). Practice cases never count (cases' queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from statistics import mean
from uuid import UUID

from backend.assessment.metrics import staff_metrics
from backend.assessment.scoring import on_time_share, return_rate
from backend.assessment.sources import sources
from backend.cases import queries as cases
from backend.centre import CENTRE_TIMEZONE as CENTRE
from backend.consultation.satisfaction import satisfaction_by_staff
from backend.corrections import queries as corrections
from backend.documents import queries as documents
from backend.training import queries as training
from backend.visits import queries as visits
from backend.visits.metrics import staff_metrics as visit_metrics

Values = dict[UUID, dict[str, float | None]]


async def _work(staff: Sequence[UUID], start: datetime, end: datetime, out: Values) -> None:
    found = await cases.cases_by_ids(await cases.case_ids_active_between(start, end))
    wanted = set(staff)
    owner_of = {cid: c.assignee or c.creator for cid, c in found.items()
                if (c.assignee or c.creator) in wanted and not c.practice}
    history = await cases.history_of_cases(list(owner_of))
    for m in staff_metrics(history, owner_of, {}, start, end):
        out[m.staff_id]["return_rate"] = return_rate(m.submitted, m.returned)
        out[m.staff_id]["handling_hours"] = m.median_hours_to_approval
    await _ocr(owner_of, out)


async def _ocr(owner_of: dict[UUID, UUID], out: Values) -> None:
    """识别结果改动率: fields staff corrected ÷ fields read, over the owner's cases."""
    read: dict[UUID, int] = defaultdict(int)
    corrected: dict[UUID, int] = defaultdict(int)
    for reading in await documents.processed_readings_of_cases(list(owner_of)):
        read[owner_of[reading.case_id]] += len(reading.result.get("fields") or {})
    for correction in await corrections.corrections_of_cases(list(owner_of)):
        corrected[owner_of[correction.case_id]] += 1
    for owner, count in read.items():
        out[owner]["ocr_correction_rate"] = on_time_share(count, min(corrected[owner], count))


async def _visits(staff: Sequence[UUID], start: datetime, end: datetime, out: Values) -> None:
    """Visits scheduled in the month (centre days): done per week and the no-show rate."""
    first = start.astimezone(CENTRE).date()
    last = (end.astimezone(CENTRE) - timedelta(days=1)).date()
    wanted = set(staff)
    scheduled = await visits.list_visits(between=(first, last), limit=50000)
    for m in visit_metrics(scheduled, first, last):
        if m.staff_id in wanted:
            out[m.staff_id]["visits_per_week"] = m.per_week
            out[m.staff_id]["visit_no_show_rate"] = m.no_show_rate


async def _satisfaction(staff: Sequence[UUID], start: datetime, out: Values) -> None:
    """群众满意度: the average rating (1–5) of the month as a percentage (5 = 100)."""
    rated = await satisfaction_by_staff(start.astimezone(CENTRE).strftime("%Y-%m"))
    for user_id in staff:
        if user_id in rated:
            out[user_id]["satisfaction"] = round(rated[user_id].average * 20, 2)


async def _drills(staff: Sequence[UUID], start: datetime, end: datetime, out: Values) -> None:
    shares: dict[UUID, list[float]] = defaultdict(list)
    for attempt in await training.attempts_of(list(staff), start, end):
        if attempt.max_score:
            shares[attempt.user_id].append(100.0 * (attempt.score or 0.0) / attempt.max_score)
    for user_id, values in shares.items():
        out[user_id]["drill_score"] = round(mean(values), 2)


async def _policy(staff: Sequence[UUID], start: datetime, end: datetime, out: Values) -> None:
    due = [c for c in await training.policy_checks() if start <= c.required_at < end]
    if not due:
        return
    acks = await training.acknowledgements(list(staff))
    for user_id in staff:
        on_time = 0
        for check in due:
            deadline = check.required_at + timedelta(days=check.due_days)
            if any(a.user_id == user_id and a.article_id == check.article_id
                   and a.version == check.version and a.at <= deadline for a in acks):
                on_time += 1
        out[user_id]["policy_ack_on_time"] = on_time_share(len(due), on_time)


async def measure(staff: Sequence[UUID], start: datetime, end: datetime) -> Values:
    out: Values = {user_id: {} for user_id in staff}
    await _work(staff, start, end, out)
    await _drills(staff, start, end, out)
    await _policy(staff, start, end, out)
    await _visits(staff, start, end, out)
    await _satisfaction(staff, start, out)
    for key, source in sources():
        for user_id, value in (await source(staff, start, end)).items():
            if user_id in out:
                out[user_id][key] = value
    return out
