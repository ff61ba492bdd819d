"""Peak periods: submissions and returns by hour and by day, in the centre's time (pure)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from backend.assessment.peaks import peaks
from backend.cases.models import HistoryEntry


def _entry(at: datetime, action: str, to_status: str) -> HistoryEntry:
    return HistoryEntry(uuid.uuid4(), at, uuid.uuid4(), "staff1", None, action, None,
                        to_status, None)


def test_returns_and_submissions_fall_in_the_centres_hour_and_day() -> None:
    history = [
        _entry(datetime(2026, 11, 30, 1, 0, tzinfo=UTC), "submit", "submitted"),  # 09:00 30th
        _entry(datetime(2026, 11, 30, 1, 30, tzinfo=UTC), "submit", "submitted"),
        _entry(datetime(2026, 11, 30, 2, 0, tzinfo=UTC), "return", "returned"),  # 10:00 30th
        _entry(datetime(2026, 11, 30, 17, 0, tzinfo=UTC), "submit", "submitted"),  # 01:00 1st
        _entry(datetime(2026, 11, 30, 3, 0, tzinfo=UTC), "approve", "approved"),
    ]
    hours, days = peaks(history)
    assert len(hours) == 24
    assert len(days) == 31
    assert (hours[9].submitted, hours[9].returned) == (2, 0)
    assert (hours[10].submitted, hours[10].returned, hours[10].return_rate) == (0, 1, None)
    assert hours[1].submitted == 1
    assert (days[29].slot, days[29].submitted, days[29].returned) == (30, 2, 1)
    assert days[29].return_rate == 0.5
    assert days[0].submitted == 1
