"""case(id) and cases: who sees what, and ID numbers masked in lists."""

from __future__ import annotations

import pytest

from backend.cases.demo import DEMO_CASES
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

CASE = """query($id: ID!) { case(id: $id) { id kind status fields assignee { username }
  documents { id docType status fields checks { code severity field message } }
  flags { code severity field message evidence }
  history { at actor action fromStatus toStatus reason } } }"""
CASES = """query($s: String, $f: Int, $a: String) { cases(status: $s, first: $f, after: $a) {
  edges { node { id kind status fields } } pageInfo { endCursor hasNextPage } } }"""
ID_NUMBER = "520201199001011239"
MASKED = "520201********1239"


async def _case_of_staff1(gql: GraphQL) -> tuple[Device, str]:
    device = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    fields = {"name": "张伟", "id_number": ID_NUMBER, "proxy_id_number": ID_NUMBER}
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields})
    return device, case_id


async def test_the_owner_and_the_teams_supervisor_see_the_full_id_number(gql: GraphQL) -> None:
    device, case_id = await _case_of_staff1(gql)
    body = await gql(CASE, {"id": case_id}, token=device.token)
    case = body["data"]["case"]
    assert case["fields"]["id_number"] == ID_NUMBER
    assert case["assignee"] == {"username": "staff1"}
    assert case["documents"] == []
    assert case["flags"] == []
    assert [h["action"] for h in case["history"]] == ["create"]
    supervisor = await gql(CASE, {"id": case_id}, token=await gql.login("supervisor1"))
    assert supervisor["data"]["case"]["fields"]["id_number"] == ID_NUMBER
    admin = await gql(CASE, {"id": case_id}, token=await gql.login("admin"))
    assert admin["data"]["case"]["fields"]["id_number"] == MASKED


async def test_a_case_the_caller_may_not_see_is_forbidden(gql: GraphQL) -> None:
    _, case_id = await _case_of_staff1(gql)
    for username in ("staff2", "employer1"):
        body = await gql(CASE, {"id": case_id}, token=await gql.login(username))
        assert error_codes(body) == ["FORBIDDEN"]
        assert body["data"] is None
    missing = await gql(CASE, {"id": new_id()}, token=await gql.login("staff2"))
    assert error_codes(missing) == ["NOT_FOUND"]


async def test_lists_mask_id_numbers_and_page(gql: GraphQL) -> None:
    device, case_id = await _case_of_staff1(gql)
    seen: list[str] = []
    after = None
    while True:
        body = await gql(CASES, {"f": 2, "a": after}, token=device.token)
        page = body["data"]["cases"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        for edge in page["edges"]:
            number = edge["node"]["fields"].get("id_number")
            assert number is None or "********" in number
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted([case_id, *(str(c[0]) for c in DEMO_CASES)])
    ours = next(
        e["node"]
        for e in (await gql(CASES, {"f": 50}, token=device.token))["data"]["cases"]["edges"]
        if e["node"]["id"] == case_id
    )
    assert ours["fields"]["proxy_id_number"] == MASKED


async def test_cases_filter_by_status_and_hide_others_cases(gql: GraphQL) -> None:
    await _case_of_staff1(gql)
    staff2 = await gql.login("staff2")
    body = await gql(CASES, {}, token=staff2)
    assert body["data"]["cases"]["edges"] == []
    staff1 = await gql.login("staff1")
    drafts = await gql(CASES, {"s": "draft", "f": 50}, token=staff1)
    statuses = [e["node"]["status"] for e in drafts["data"]["cases"]["edges"]]
    assert statuses == ["draft"] * 4  # three demo drafts and the new one
    bad = await gql(CASES, {"s": "lost"}, token=staff1)
    assert error_codes(bad) == ["VALIDATION_FAILED"]
