"""Verifying a case and telling people about what is new, in one transaction.

The job ``verification.verify_case`` runs this: the flags are stored, and the case's field
worker and their team's supervisor get an inbox entry (and a push where subscribed) only
for error- or warning-level flags the previous run did not have.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.cases import queries as cases
from backend.cases.notices import new_alerting_flags, notify_new_flags
from backend.verification import service
from sync import changes


async def verify_and_notify(case_id: UUID) -> list[dict[str, Any]]:
    """Returns the new alerting flags (those notified)."""
    async with changes.write_transaction():
        case = await cases.case_by_id(case_id)
        if case is None:
            return []
        previous = await service.flags_of(case_id)
        flags = [flag.to_json() for flag in await service.verify_case_by_id(case_id)]
        new = new_alerting_flags(previous, flags)
        await notify_new_flags(case, new)
    return new
