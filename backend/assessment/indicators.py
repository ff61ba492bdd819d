"""The month's measured values per staff member: work (cases), drills, policy checks, and
any registered source (``sources``). Practice cases never count (cases' queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from statistics import mean
from uuid import UUID

from backend.assessment.metrics import staff_metrics
from backend.assessment.scoring import on_time_share, return_rate
from backend.assessment.sources import source_of
from backend.cases import queries as cases
from backend.training import queries as training

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
    read: dict[UUID, int] = defaultdict(int)
    corrected: dict[UUID, int] = defaultdict(int)
    for document in await cases.documents_of(list(owner_of)):
        if document.status != "processed":
            continue
        owner = owner_of[document.case_id]
        read[owner] += 1
        if any(c.get("code") == "FIELD_DISAGREES" for c in document.checks):
            corrected[owner] += 1
    for owner, count in read.items():
        out[owner]["ocr_correction_rate"] = on_time_share(count, corrected[owner])


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
    satisfaction = source_of("satisfaction")
    if satisfaction is not None:
        for user_id, value in (await satisfaction(staff, start, end)).items():
            if user_id in out:
                out[user_id]["satisfaction"] = value
    return out
