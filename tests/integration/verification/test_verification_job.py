"""Verification queued as a job: one pending job per case, flags stored when it runs."""

from __future__ import annotations

from backend.jobs import worker
from backend.verification import service
from backend.verification.jobs import request_verification
from tests.integration.verification.case_rows import add_case

ZHANG = {"name": "张伟", "id_number": "520201199001011239", "withdrawal_reason": "03"}


async def test_requests_before_the_job_runs_verify_once() -> None:
    case = await add_case(ZHANG, [], submitted="2026-03-02")
    await request_verification(case)
    await request_verification(case)
    assert await worker.drain() == 1
    codes = {flag["code"] for flag in await service.flags_of(case)}
    assert codes == {"DOCUMENT_MISSING", "FIELD_MISSING"}


async def test_a_request_after_the_job_ran_verifies_again() -> None:
    case = await add_case(ZHANG, [], submitted="2026-03-02")
    await request_verification(case)
    assert await worker.drain() == 1
    await request_verification(case)
    assert await worker.drain() == 1
