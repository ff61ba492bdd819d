from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.throttling import queries
from backend.throttling.rules import Limit
from backend.throttling.service import count_request

LIMITS = {"address": Limit(hits=5, seconds=60), "phone": Limit(hits=2, seconds=60)}
NOW = datetime(2026, 12, 6, 10, 0, 5, tzinfo=UTC)


async def test_requests_within_the_limit_pass_and_the_next_one_is_refused_with_a_wait() -> None:
    for _ in range(5):
        await count_request("ask", {"address": "10.0.0.1"}, LIMITS, NOW)
    with pytest.raises(DoorstepError) as refused:
        await count_request("ask", {"address": "10.0.0.1"}, LIMITS, NOW)
    assert refused.value.code == ErrorCode.RATE_LIMITED
    assert refused.value.details == {"retryAfterSeconds": 55}
    assert "频繁" in refused.value.message


async def test_one_flooding_address_does_not_limit_another() -> None:
    for _ in range(8):
        with contextlib.suppress(DoorstepError):
            await count_request("ask", {"address": "10.0.0.1"}, LIMITS, NOW)
    await count_request("ask", {"address": "10.0.0.2"}, LIMITS, NOW)


async def test_a_phone_number_is_limited_across_addresses() -> None:
    await count_request("visit", {"address": "10.0.0.1", "phone": "13812345678"}, LIMITS, NOW)
    await count_request("visit", {"address": "10.0.0.2", "phone": "13812345678"}, LIMITS, NOW)
    with pytest.raises(DoorstepError):
        await count_request("visit", {"address": "10.0.0.3", "phone": "13812345678"}, LIMITS, NOW)


async def test_a_new_window_starts_afresh_and_old_windows_are_deleted() -> None:
    for _ in range(5):
        await count_request("ask", {"address": "10.0.0.1"}, LIMITS, NOW)
    later = NOW + timedelta(minutes=1)
    await count_request("ask", {"address": "10.0.0.1"}, LIMITS, later)
    assert await queries.delete_expired(later + timedelta(seconds=1)) == 1
