"""How the verification domain answers the cases domain (``backend.cases.events``), which
never imports it: a case ready for checks is queued for verification, and ``case { flags }``
lists verification's flags with the documents' checks. Listed in ``LISTENER_MODULES`` there."""

from __future__ import annotations

from uuid import UUID

from backend.cases.events import CaseEvent, on, provide_flags
from backend.verification.flags import case_flags
from backend.verification.jobs import request_verification

provide_flags(case_flags)


@on(CaseEvent.READY_FOR_CHECKS)
async def verify_when_ready(case_id: UUID) -> None:
    await request_verification(case_id)
