"""Staff metrics for the supervisor's 考核 dashboard (pure: history in, numbers out).

Per staff member (the case's assignee, else its creator) over a period: cases submitted,
approved, returned (counted by the history entry's date), the return rate among
decisions, the median hours from the visit (the case's first history entry) to approval,
and flags raised by rule on the cases decided or submitted in the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median
from uuid import UUID

from backend.assessment.models import StaffMetrics
from backend.cases.models import HistoryEntry
from backend.cases.status import CaseStatus


@dataclass
class _Tally:
    submitted: int = 0
    approved: int = 0
    returned: int = 0
    hours: list[float] = field(default_factory=list)
    cases: set[UUID] = field(default_factory=set)


def staff_metrics(
    history: Iterable[HistoryEntry],
    owner_of: Mapping[UUID, UUID],
    flags_of: Mapping[UUID, Sequence[str]],
    start: datetime,
    end: datetime,
) -> list[StaffMetrics]:
    """``history`` of the cases in ``owner_of`` (case → staff); period ``start <= at < end``."""
    by_case: dict[UUID, list[HistoryEntry]] = defaultdict(list)
    for entry in history:
        by_case[entry.case_id].append(entry)
    tallies: dict[UUID, _Tally] = defaultdict(_Tally)
    for case_id, entries in by_case.items():
        owner = owner_of.get(case_id)
        if owner is None:
            continue
        entries.sort(key=lambda e: e.at)
        visit = entries[0].at
        tally = tallies[owner]
        for entry in entries:
            if not start <= entry.at < end:
                continue
            if entry.action == "submit":
                tally.submitted += 1
                tally.cases.add(case_id)
            elif entry.to_status == CaseStatus.APPROVED:
                tally.approved += 1
                tally.cases.add(case_id)
                tally.hours.append((entry.at - visit).total_seconds() / 3600)
            elif entry.to_status == CaseStatus.RETURNED:
                tally.returned += 1
                tally.cases.add(case_id)
    return [
        _result(staff, tally, flags_of)
        for staff, tally in sorted(tallies.items(), key=lambda item: str(item[0]))
        if tally.cases
    ]


def _result(staff: UUID, tally: _Tally, flags_of: Mapping[UUID, Sequence[str]]) -> StaffMetrics:
    decided = tally.approved + tally.returned
    flags = Counter(code for case_id in tally.cases for code in flags_of.get(case_id, ()))
    return StaffMetrics(
        staff_id=staff,
        submitted=tally.submitted,
        approved=tally.approved,
        returned=tally.returned,
        return_rate=round(tally.returned / decided, 4) if decided else None,
        median_hours_to_approval=round(median(tally.hours), 2) if tally.hours else None,
        flags_by_rule=dict(sorted(flags.items())),
    )
