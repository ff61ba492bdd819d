"""Who may query what (GraphQL): roles per source from the settings, own cases only, a
purpose, credit only with the member's signed authorisation, a limit per user; every query
made is on the case's audit and nothing refused reaches the registry."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.conftest import GraphQL, error_codes
from tests.integration.registry.conftest import Simulator, case_id

QUERY = """mutation($c: ID!, $s: SharedSource!, $p: String!) {
  querySharedData(caseId: $c, source: $s, purpose: $p) { id status result evidence } }"""
LIST = """query($c: ID) { sharedDataQueries(caseId: $c) {
  id caseId source purpose actor { username } at status } }"""
HEALTH = "{ registryHealth { source status breaker calls errorRate p50Ms configured } }"
PURPOSE = "核实申请人住房和婚姻情况"

# (user, case, source, expected: "done" or an error code)
MATRIX = [
    ("staff1", 302, "MARRIAGE", "done"),  # own case
    ("staff1", 301, "REAL_ESTATE", "done"),
    ("staff1", 303, "HOUSING_FILING", "done"),
    ("staff1", 303, "CREDIT", "FORBIDDEN"),  # credit: supervisors only (default setting)
    ("staff2", 302, "MARRIAGE", "FORBIDDEN"),  # not their case
    ("supervisor1", 302, "MARRIAGE", "done"),  # their team's case
    ("supervisor1", 303, "CREDIT", "done"),  # signed authorisation on file
    ("supervisor1", 304, "CREDIT", "REGISTRY_CONSENT_MISSING"),
    ("employer1", 302, "MARRIAGE", "FORBIDDEN"),
    ("admin", 302, "MARRIAGE", "FORBIDDEN"),  # no role setting lets admins query
]


async def ask(gql: GraphQL, token: str | None, number: int, source: str,
              purpose: str = PURPOSE) -> dict[str, Any]:
    return await gql(QUERY, {"c": str(case_id(number)), "s": source, "p": purpose}, token)


@pytest.mark.usefixtures("registry_cases")
async def test_authorisation_matrix_and_the_audit(gql: GraphQL, simulator: Simulator) -> None:
    tokens = {name: await gql.login(name) for name, *_ in MATRIX}
    for name, number, source, expected in MATRIX:
        body = await ask(gql, tokens[name], number, source)
        if expected == "done":
            assert "errors" not in body, (name, number, source, body)
            assert body["data"]["querySharedData"]["status"] == "done"
        else:
            assert error_codes(body) == [expected], (name, number, source, body)
    # only what was allowed reached the registry, and each is on its case's audit
    assert simulator.calls("MARRIAGE") == 2
    assert simulator.calls("CREDIT") == 1
    listed = await gql(LIST, {"c": str(case_id(302))}, tokens["supervisor1"])
    rows = listed["data"]["sharedDataQueries"]
    assert sorted((r["actor"]["username"], r["source"]) for r in rows) == [
        ("staff1", "MARRIAGE"), ("supervisor1", "MARRIAGE")]
    assert {r["purpose"] for r in rows} == {PURPOSE}
    assert "result" not in rows[0]  # lists carry no results
    refused = await gql(LIST, {"c": str(case_id(302))}, tokens["staff2"])
    assert error_codes(refused) == ["FORBIDDEN"]
    mine = await gql(LIST, {}, tokens["staff1"])
    assert len(mine["data"]["sharedDataQueries"]) == 3


@pytest.mark.usefixtures("registry_cases")
async def test_the_result_and_its_evidence(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    body = await ask(gql, token, 302, "MARRIAGE")
    answer = body["data"]["querySharedData"]
    assert answer["result"]["records"][0]["status"] == "20"
    evidence = answer["evidence"]
    assert [f["code"] for f in evidence] == ["REGISTRY_MARITAL_MISMATCH"]
    assert evidence[0]["evidence"]["registry"]["source"] == "MARRIAGE"
    assert evidence[0]["evidence"]["paper"]["value"] == "未婚"


@pytest.mark.usefixtures("registry_cases")
async def test_purpose_signed_in_and_rate_limit(
    gql: GraphQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backend.settings import get_settings

    token = await gql.login("staff1")
    assert error_codes(await ask(gql, token, 302, "MARRIAGE", " ")) == [
        "REGISTRY_PURPOSE_REQUIRED"]
    assert error_codes(await ask(gql, None, 302, "MARRIAGE")) == ["UNAUTHENTICATED"]
    monkeypatch.setenv("DOORSTEP_REGISTRY_USER_MAX_QUERIES", "2")
    get_settings.cache_clear()
    assert "errors" not in await ask(gql, token, 302, "MARRIAGE")
    assert "errors" not in await ask(gql, token, 301, "MARRIAGE")
    limited = await ask(gql, token, 301, "REAL_ESTATE")
    assert error_codes(limited) == ["RATE_LIMITED"]
    assert "errors" not in await ask(gql, await gql.login("supervisor1"), 301, "REAL_ESTATE")


@pytest.mark.usefixtures("registry_cases")
async def test_roles_per_source_are_a_setting(
    gql: GraphQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backend.settings import get_settings

    monkeypatch.setenv("DOORSTEP_REGISTRY_ROLES_MARRIAGE", "ADMIN")
    get_settings.cache_clear()
    assert "errors" not in await ask(gql, await gql.login("admin"), 302, "MARRIAGE")
    assert error_codes(await ask(gql, await gql.login("staff1"), 302, "MARRIAGE")) == [
        "FORBIDDEN"]


@pytest.mark.usefixtures("registry_cases")
async def test_health_for_admins_and_an_unreachable_source(
    gql: GraphQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backend.settings import get_settings

    staff = await gql.login("staff1")
    await ask(gql, staff, 302, "MARRIAGE")
    assert error_codes(await gql(HEALTH, {}, staff)) == ["FORBIDDEN"]
    rows = {r["source"]: r for r in (await gql(HEALTH, {}, await gql.login("admin")))[
        "data"]["registryHealth"]}
    assert rows["MARRIAGE"]["status"] == "up"
    assert rows["MARRIAGE"]["calls"] == 1
    assert rows["CREDIT"]["status"] == "unknown"
    assert rows["CREDIT"]["configured"]
    monkeypatch.setenv("DOORSTEP_REGISTRY_URL_REAL_ESTATE", "http://127.0.0.1:9")  # closed port
    get_settings.cache_clear()
    body = await ask(gql, staff, 301, "REAL_ESTATE")
    assert body["data"]["querySharedData"]["status"] == "pending"  # retried in the background
