"""Change-log compaction: changes older than the retention are dropped, on a schedule.

A device whose cursor points before the compacted part gets ``reset`` and a full sync from
current state (PROTOCOL.md, "reset"); a device that syncs at least once within the
retention never notices. The newest change is always kept. The job worker runs
:func:`compact_log` every few hours (``backend.jobs.scheduler``, one runner overall).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.jobs.schedule import periodic
from sync.changelog.piccolo_storage import get_storage

LOG_RETENTION = timedelta(days=30)


async def compact_log(now: datetime, retention: timedelta = LOG_RETENTION) -> int:
    """Drops every change written before ``now - retention``; returns how many."""
    storage = get_storage()
    through = await storage.last_seq_before(now - retention)
    info = await storage.log_info()
    if through is None:
        return 0
    # The newest change always stays: SQLite would hand out its sequence numbers again
    # once the table is empty, and sequences must only grow.
    through = min(through, info.head - 1)
    if through <= info.floor:
        return 0
    return await storage.compact(through)


@periodic("sync.compact_log", every=timedelta(hours=6))
async def compact_log_task(now: datetime) -> str:
    return f"compacted {await compact_log(now)} changes"
