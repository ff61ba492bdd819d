"""Cases verified before case_flags.risk existed get the risk level of their stored flags.

A separate migration: Piccolo runs a migration's raw steps before its column changes.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-27T04:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "case_flags.risk from the flags stored before it existed"


class _CaseFlags(Table, tablename="case_flags"):
    """Only for raw SQL here, so the migration does not depend on today's table class."""


async def backfill_risk() -> None:
    """json.dumps writes ``"severity": "error"``; document checks count from the next run."""
    for level in ("warning", "error"):  # error last: it wins
        pattern = f'%"severity": "{level}"%'
        await _CaseFlags.raw("UPDATE case_flags SET risk = {} WHERE flags LIKE {}", level, pattern)


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="verification", description=DESCRIPTION)
    manager.add_raw(backfill_risk)
    return manager
