"""Uploads' periodic housekeeping: abandoned partial uploads go after their expiry."""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.jobs.schedule import periodic
from backend.uploads import service

BATCH = 500


@periodic("uploads.expire_partials", every=timedelta(minutes=15))
async def expire_partial_uploads(now: datetime) -> str:
    removed = 0
    while True:
        batch = await service.remove_expired_partials(now=now, limit=BATCH)
        removed += batch
        if batch < BATCH:
            return f"removed {removed} expired partial uploads"
