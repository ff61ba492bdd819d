"""Pure rule: a periodic task's period as the cron line procrastinate schedules it by."""

from __future__ import annotations

from datetime import timedelta


def cron_for(every: timedelta) -> str:
    """A cron line (with a seconds column) that fires every ``every``, aligned to the clock.

    Only periods that divide a minute, an hour or a day evenly can be written so; any other
    period is refused rather than silently run at a different rate.
    """
    seconds = every.total_seconds()
    if seconds <= 0 or seconds != int(seconds):
        raise ValueError(f"period must be a whole positive number of seconds: {every}")
    whole = int(seconds)
    if whole < 60 and 60 % whole == 0:
        return f"* * * * * */{whole}" if whole > 1 else "* * * * * *"
    if whole % 60 == 0:
        minutes = whole // 60
        if minutes < 60 and 60 % minutes == 0:
            return f"*/{minutes} * * * * 0"
        if minutes % 60 == 0:
            hours = minutes // 60
            if hours < 24 and 24 % hours == 0:
                return f"0 */{hours} * * * 0"
            if hours == 24:
                return "0 0 * * * 0"
    raise ValueError(f"period does not divide a minute, an hour or a day evenly: {every}")
