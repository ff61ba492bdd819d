"""Old rate windows are deleted once they are over."""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.jobs.schedule import periodic
from backend.throttling import queries


@periodic("throttling.delete_expired", every=timedelta(hours=1))
async def delete_expired_windows(now: datetime) -> str:
    return f"deleted {await queries.delete_expired(now)} expired rate windows"
