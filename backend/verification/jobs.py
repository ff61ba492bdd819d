"""Verification as a background job: run when a case is submitted and when its documents'
fields land, so the rules see what OCR read (the cases domain's ``READY_FOR_CHECKS`` event,
``backend.verification.listeners``). Listed in ``backend.jobs.registry.JOB_MODULES``.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.jobs.queue import enqueue
from backend.jobs.registry import job
from backend.verification.alerts import verify_and_notify

VERIFY_CASE = "verification.verify_case"


@job(VERIFY_CASE, max_attempts=3, backoff_seconds=30.0)
async def verify_case_job(payload: dict[str, Any]) -> None:
    await verify_and_notify(UUID(payload["caseId"]))


async def request_verification(case_id: UUID, *, delay_seconds: float = 0.0) -> None:
    """Queues a (re)verification; one pending job per case is enough, as it reads the case
    when it runs. Call inside the transaction that changed the case."""
    await enqueue(
        VERIFY_CASE,
        {"caseId": str(case_id)},
        delay_seconds=delay_seconds,
        dedupe_key=f"{VERIFY_CASE}:{case_id}",
    )
