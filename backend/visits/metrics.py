"""Visit indicators (pure): visits per person per week, no-show rate, request-to-visit time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median
from uuid import UUID

from backend.visits.models import VisitRecord
from backend.visits.rules import today


@dataclass(frozen=True, slots=True)
class StaffVisitMetrics:
    staff_id: UUID
    done: int
    missed: int  # not at home: the no-shows
    planned: int  # visits with a date in the period, whatever happened
    weeks: float

    @property
    def per_week(self) -> float:
        return round(self.done / self.weeks, 2) if self.weeks else 0.0

    @property
    def no_show_rate(self) -> float | None:
        attempts = self.done + self.missed
        return round(self.missed / attempts, 3) if attempts else None


def weeks_between(start: date, end: date) -> float:
    return max(1, (end - start).days + 1) / 7


def staff_metrics(visits: Iterable[VisitRecord], start: date, end: date) -> list[StaffVisitMetrics]:
    """Visits scheduled in [start, end] (both included), per assignee."""
    per: dict[UUID, list[VisitRecord]] = {}
    for visit in visits:
        day = visit.scheduled_for or (visit.outcome_at and today(visit.outcome_at))
        if visit.assignee is None or day is None or not start <= day <= end:
            continue
        per.setdefault(visit.assignee, []).append(visit)
    weeks = weeks_between(start, end)
    return [
        StaffVisitMetrics(
            staff_id=staff_id,
            done=sum(1 for v in rows if v.status == "done"),
            missed=sum(1 for v in rows if v.status == "missed"),
            planned=len(rows),
            weeks=weeks,
        )
        for staff_id, rows in sorted(per.items(), key=lambda item: str(item[0]))
    ]


def median_days_to_visit(visits: Iterable[VisitRecord]) -> float | None:
    """Median days from the request to the visit made (outcome ``done``)."""
    days = [
        (v.outcome_at - v.created_at).total_seconds() / 86400
        for v in visits
        if v.status == "done" and v.outcome_at is not None
    ]
    return round(median(days), 2) if days else None
