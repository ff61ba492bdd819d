"""Automatic checks against the real simulator process: normal results and mismatches,
timeouts, 5xx, malformed answers, an outage that ends, the breaker, latency, retention."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from backend.accounts import audit
from backend.registry import queries, service
from backend.registry.jobs import delete_expired, requeue_pending
from backend.registry.sources import Source
from backend.settings import get_settings
from backend.verification.flags import case_flags
from tests.integration.registry.conftest import Simulator, case_id, settle

REGISTRY_CODES = ("REGISTRY_", "CREDIT_")


async def registry_flags(number: int) -> list[tuple[str, str | None]]:
    return sorted(
        (f["code"], f.get("field"))
        for f in await case_flags(case_id(number))
        if f["code"].startswith(REGISTRY_CODES)
    )


@pytest.mark.usefixtures("registry_cases")
async def test_each_registry_flag_appears_on_the_demo_cases() -> None:
    await settle()
    assert await registry_flags(301) == [("REGISTRY_PROPERTY_FOUND", "withdrawal_reason")]
    assert await registry_flags(302) == [("REGISTRY_MARITAL_MISMATCH", "marital_status")]
    assert await registry_flags(303) == [
        ("CREDIT_LOAN_UNDECLARED", "contract_number"),
        ("REGISTRY_FILING_MISMATCH", "contract_number"),
        ("REGISTRY_FILING_MISMATCH", "loan_amount"),
    ]
    # 钱进 signed nothing: credit is not asked, the case says the check is still to do
    assert await registry_flags(304) == [("REGISTRY_UNAVAILABLE", "CREDIT")]
    flags = await case_flags(case_id(304))
    assert [f["evidence"]["reason"] for f in flags if f["code"] == "REGISTRY_UNAVAILABLE"] == [
        "consent_missing"]


@pytest.mark.usefixtures("registry_cases")
async def test_every_query_is_audited_on_its_case() -> None:
    await settle()
    made = await queries.queries_of_case(case_id(303))
    assert sorted(q.source for q in made) == sorted(Source)
    assert {(q.status, q.trigger, q.actor_name) for q in made} == {
        ("done", "automatic", "system")}
    assert all(len(q.result_sha256) == 64 for q in made)
    assert next(q for q in made if q.source == Source.CREDIT).consent_sha256
    entries = [e for e in await audit.entries(case_id(303)) if e.action == "shared_data_query"]
    assert len(entries) == 4
    assert all("sha256=" in e.detail and "purpose=" in e.detail for e in entries)


@pytest.mark.parametrize(
    ("fault", "reason"), [("timeout", "timeout"), ("http_500", "http_5xx"),
                          ("malformed", "malformed")]
)
@pytest.mark.usefixtures("registry_cases")
async def test_a_failing_source_leaves_the_check_pending_until_it_answers(
    simulator: Simulator, fault: str, reason: str
) -> None:
    simulator.configure(faults={"MARRIAGE": fault})
    await settle(until_done=False)
    pending = [q for q in await queries.queries_of_case(case_id(302)) if q.status == "pending"]
    assert [q.source for q in pending] == [Source.MARRIAGE]
    # the failure itself, or the breaker it opened once the four cases' checks failed
    assert pending[0].last_error.split(":")[0] in (reason, "circuit_open")
    calls = await queries.calls_of(Source.MARRIAGE, None, 100)
    assert calls
    assert all(c.error and c.error.startswith(reason) for c in calls)
    assert ("REGISTRY_UNAVAILABLE", "MARRIAGE") in await registry_flags(302)
    simulator.configure(faults={"MARRIAGE": None})
    await settle()
    assert await registry_flags(302) == [("REGISTRY_MARITAL_MISMATCH", "marital_status")]


@pytest.mark.usefixtures("registry_cases")
async def test_an_outage_that_ends(simulator: Simulator) -> None:
    simulator.configure(outages={"*": 600})
    await settle(until_done=False)
    assert ("REGISTRY_UNAVAILABLE", "REAL_ESTATE") in await registry_flags(301)
    assert [q.status for q in await queries.queries_of_case(case_id(301))] == [
        "pending", "pending"]
    simulator.configure(outages={"*": 0})  # the registries are back
    await settle()
    assert await registry_flags(301) == [("REGISTRY_PROPERTY_FOUND", "withdrawal_reason")]
    assert await registry_flags(303) == [
        ("CREDIT_LOAN_UNDECLARED", "contract_number"),
        ("REGISTRY_FILING_MISMATCH", "contract_number"),
        ("REGISTRY_FILING_MISMATCH", "loan_amount"),
    ]


@pytest.mark.usefixtures("registry_cases")
async def test_the_breaker_holds_calls_back_from_a_dead_registry(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOORSTEP_REGISTRY_BREAKER_FAILURES", "2")
    monkeypatch.setenv("DOORSTEP_REGISTRY_BREAKER_COOLDOWN_SECONDS", "600")
    get_settings.cache_clear()
    simulator.configure(outages={"REAL_ESTATE": 600})
    for _ in range(4):  # four cases ask it, retried: none reaches the registry once open
        await settle(until_done=False)
        await asyncio.sleep(0.25)
    assert simulator.calls("REAL_ESTATE") == 2
    pending = [q for q in await queries.queries_of_case(case_id(303))
               if q.source == Source.REAL_ESTATE]
    assert pending[0].status == "pending"
    assert pending[0].last_error.startswith("circuit_open")
    health = {row.source: row for row in await service.sources_health()}
    assert health[Source.REAL_ESTATE].breaker == "open"
    assert health[Source.REAL_ESTATE].health.status == "down"
    assert health[Source.MARRIAGE].health.status == "up"
    simulator.configure(outages={"REAL_ESTATE": 0})
    monkeypatch.setenv("DOORSTEP_REGISTRY_BREAKER_COOLDOWN_SECONDS", "0.5")
    get_settings.cache_clear()
    await asyncio.sleep(0.6)  # the cooldown is over: one trial call, then closed again
    # the checks wait for the breaker's reopening (10 minutes then): as if that time had
    # passed, the housekeeping re-queues the overdue ones
    assert (await requeue_pending(datetime.now(UTC) + timedelta(hours=1))).startswith(
        "re-queued 4")
    await settle()
    assert (await service.sources_health())[0].breaker == "closed"
    assert await registry_flags(301) == [("REGISTRY_PROPERTY_FOUND", "withdrawal_reason")]


@pytest.mark.usefixtures("registry_cases")
async def test_latency_is_measured(simulator: Simulator) -> None:
    simulator.configure(latencyMs=300)
    await settle()
    health = {row.source: row.health for row in await service.sources_health()}
    p50 = health[Source.MARRIAGE].p50_ms
    assert p50 is not None
    assert p50 >= 300
    assert health[Source.MARRIAGE].error_rate == 0.0


@pytest.mark.usefixtures("registry_cases")
async def test_results_expire_and_the_audit_stays() -> None:
    await settle()
    later = datetime.now(UTC) + timedelta(days=get_settings().registry_retention_days + 1)
    report = await delete_expired(later)
    assert report.startswith("deleted 11 registry results")  # 2 + 2 + 4 + 3 (no credit)
    made = await queries.queries_of_case(case_id(303))
    assert len(made) == 4
    assert await queries.results_of([q.id for q in made]) == {}
    from backend.jobs.worker import drain
    from backend.verification.jobs import request_verification

    await request_verification(case_id(301))
    await drain()
    assert await registry_flags(301) == []  # nothing kept to compare with; never re-asked
    assert len(await queries.queries_of_case(case_id(301))) == 2


@pytest.mark.usefixtures("registry_cases")
async def test_registry_mismatches_reach_the_worker_and_raise_the_risk_level() -> None:
    from backend.accounts.service import get_user
    from backend.cases.queries import risk_levels
    from backend.demo.seed import demo_user_id
    from backend.notifications.service import inbox
    from backend.verification.service import flags_of

    await settle()
    staff = await get_user(demo_user_id("staff1"))
    assert staff is not None
    told = [i for i in (await inbox(staff, 50, None)).items if i.case_id == case_id(302)]
    assert any("婚姻登记" in item.body for item in told), [i.body for i in told]
    # stored with the verification's own flags: the risk level and review queue count them
    stored = await flags_of(case_id(302))
    assert [f["severity"] for f in stored if f["code"] == "REGISTRY_MARITAL_MISMATCH"] == [
        "error"]
    assert (await risk_levels([case_id(302)]))[case_id(302)] == "error"
