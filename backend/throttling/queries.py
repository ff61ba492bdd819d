"""All database access of the rate limits."""

from __future__ import annotations

from datetime import datetime

from backend.throttling.tables import RateWindow


async def count_hit(bucket: str, expires_at: datetime) -> int:
    """Adds one hit to the window and returns its count, atomically on both engines."""
    rows = await RateWindow.raw(
        "INSERT INTO rate_window (bucket, hits, expires_at) VALUES ({}, 1, {}) "
        "ON CONFLICT (bucket) DO UPDATE SET hits = rate_window.hits + 1 RETURNING hits",
        bucket,
        expires_at,
    )
    return int(rows[0]["hits"])


async def delete_expired(now: datetime) -> int:
    gone = await RateWindow.delete().where(RateWindow.expires_at < now).returning(RateWindow.bucket)
    return len(gone)
