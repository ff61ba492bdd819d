from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from croniter import croniter

from backend.jobs.cron import cron_for


@pytest.mark.parametrize(
    ("every", "cron"),
    [
        (timedelta(seconds=1), "* * * * * *"),
        (timedelta(seconds=15), "* * * * * */15"),
        (timedelta(minutes=1), "*/1 * * * * 0"),
        (timedelta(minutes=15), "*/15 * * * * 0"),
        (timedelta(hours=6), "0 */6 * * * 0"),
        (timedelta(hours=24), "0 0 * * * 0"),
    ],
)
def test_periods_that_divide_the_clock_become_cron_lines(every: timedelta, cron: str) -> None:
    assert cron_for(every) == cron


@pytest.mark.parametrize(
    "every", [timedelta(minutes=15), timedelta(hours=6), timedelta(seconds=20)]
)
def test_the_cron_line_fires_exactly_once_per_period(every: timedelta) -> None:
    ticks = croniter(cron_for(every), datetime(2026, 11, 27, 0, 7, 31, tzinfo=UTC))
    times = [ticks.get_next(datetime) for _ in range(5)]
    assert {later - earlier for earlier, later in pairwise(times)} == {every}


@pytest.mark.parametrize(
    "every",
    [timedelta(0), timedelta(seconds=-5), timedelta(seconds=7), timedelta(minutes=7),
     timedelta(hours=5), timedelta(days=2), timedelta(seconds=1.5)],
)
def test_other_periods_are_refused_not_run_at_another_rate(every: timedelta) -> None:
    with pytest.raises(ValueError, match="period"):
        cron_for(every)
