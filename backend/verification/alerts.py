"""Verifying a case and telling people about what is new, in one transaction.

The job ``verification.verify_case`` runs this: the flags are stored with the document
checks the case raises now (typed values that disagree with what OCR read, documents that
could not be read) and the case's risk level; the case's field worker and their team's
supervisor get an inbox entry (and a push where subscribed) only for error- or
warning-level flags and checks that the previous run did not have.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.cases import queries as cases
from backend.cases.notices import new_alerting_flags, notify_new_flags
from backend.documents.service import case_checks
from backend.verification import service
from sync.changelog import changes


async def verify_and_notify(case_id: UUID) -> list[dict[str, Any]]:
    """Returns the new alerting flags and checks (those notified)."""
    async with changes.write_transaction():
        case = await cases.case_by_id(case_id)
        if case is None:
            return []
        previous = await service.told_of(case_id)
        flags = [flag.to_json() for flag in await service.verify_case_by_id(case_id)]
        checks = await case_checks(case_id)
        await service.record_case_checks(case_id, checks)
        new = new_alerting_flags(previous, [*flags, *checks])
        await notify_new_flags(case, new)
    return new
