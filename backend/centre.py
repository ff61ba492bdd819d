"""Facts about the centre every layer may use (a foundation, like ``backend.errors``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

# Dates that rules compare (submission, decision) are the centre's calendar days; all of
# China keeps one time zone, UTC+8, so it is a constant rather than a setting.
CENTRE_TIMEZONE = ZoneInfo("Asia/Shanghai")

# The centre's service area (贵州省六盘水市): where most papers it takes were issued, so what
# a place name misread under a seal most likely is (backend/documents/office_names.py).
SERVICE_AREA = ("贵州省", "六盘水市", "钟山区", "水城区", "水城县", "六枝特区", "盘州市",
                "盘县", "钟山经济开发区")
