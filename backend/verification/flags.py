"""What ``case { flags }`` lists: the latest verification's flags, then the checks the
case's documents raise on it (typed vs read disagreements, documents that could not be read).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.documents.service import case_checks
from backend.verification.service import flags_of


async def case_flags(case_id: UUID) -> list[dict[str, Any]]:
    return [*await flags_of(case_id), *await case_checks(case_id)]
