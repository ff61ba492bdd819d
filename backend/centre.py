"""Facts about the centre every layer may use (a foundation, like ``backend.errors``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

# Dates that rules compare (submission, decision) are the centre's calendar days; all of
# China keeps one time zone, UTC+8, so it is a constant rather than a setting.
CENTRE_TIMEZONE = ZoneInfo("Asia/Shanghai")
