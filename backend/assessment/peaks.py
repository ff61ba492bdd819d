"""Peak periods (pure): submissions and returns by hour of day and by day of month, in the
centre's time, so supervisors see when returns rise (month end, the buying season)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta, timezone

from backend.cases.models import HistoryEntry
from backend.cases.status import CaseStatus

CENTRE = timezone(timedelta(hours=8))


@dataclass(frozen=True, slots=True)
class Slot:
    slot: int  # hour 0–23 or day 1–31
    submitted: int
    returned: int

    @property
    def return_rate(self) -> float | None:
        return round(self.returned / self.submitted, 4) if self.submitted else None


def peaks(history: Iterable[HistoryEntry]) -> tuple[list[Slot], list[Slot]]:
    """(by hour 0–23, by day of month 1–31): a return counts where it was decided, a
    submission where it was made."""
    sub_h: Counter[int] = Counter()
    ret_h: Counter[int] = Counter()
    sub_d: Counter[int] = Counter()
    ret_d: Counter[int] = Counter()
    for entry in history:
        local = entry.at.astimezone(CENTRE)
        if entry.action == "submit":
            sub_h[local.hour] += 1
            sub_d[local.day] += 1
        elif entry.to_status == CaseStatus.RETURNED:
            ret_h[local.hour] += 1
            ret_d[local.day] += 1
    hours = [Slot(h, sub_h[h], ret_h[h]) for h in range(24)]
    days = [Slot(d, sub_d[d], ret_d[d]) for d in range(1, 32)]
    return hours, days
