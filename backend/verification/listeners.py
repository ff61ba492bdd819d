"""How the verification domain answers the cases domain (``backend.cases.events``), which
never imports it: a case ready for checks is queued for verification, ``case { flags }``
lists verification's flags with the documents' checks, and the case list shows and filters by
the risk of the latest verification. Listed in ``LISTENER_MODULES`` there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from backend.cases.events import CaseEvent, on, provide_flags, provide_risk
from backend.verification import queries
from backend.verification.flags import case_flags
from backend.verification.jobs import request_verification


class _LatestVerificationRisk:
    async def levels(self, case_ids: Sequence[UUID]) -> dict[UUID, str]:
        return await queries.risk_levels(case_ids)

    def case_ids_at(self, levels: Sequence[str]) -> Any:
        return queries.case_ids_at_risk(levels)


provide_flags(case_flags)
provide_risk(_LatestVerificationRisk())


@on(CaseEvent.READY_FOR_CHECKS)
async def verify_when_ready(case_id: UUID) -> None:
    await request_verification(case_id)
