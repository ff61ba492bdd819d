"""The review queue (``cases``) narrowed by risk level, field worker and submission date,
paged by an opaque cursor that is tied to the filter."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from backend.accounts import queries as accounts
from backend.cases.tables import CaseHistory
from backend.verification import queries as verification
from backend.verification.alerts import verify_and_notify
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

QUEUE = """query($s: String, $r: String, $w: ID, $from: Date, $to: Date, $f: Int, $a: String) {
  cases(status: $s, risk: $r, staffId: $w, submittedFrom: $from, submittedTo: $to,
        first: $f, after: $a) {
    edges { cursor node { id status risk } } pageInfo { endCursor hasNextPage } } }"""
WARNING = {"code": "FIELD_DISAGREES", "severity": "warning", "field": "phone", "message": "…"}


async def _user_id(username: str) -> str:
    found = await accounts.user_by_username(username)
    assert found is not None
    return str(found[0].id)


async def _submitted(gql: GraphQL, username: str, name: str, id_number: str) -> str:
    device = Device(gql, await gql.login(username))
    case_id = new_id()
    fields = {
        "name": name,
        "id_number": id_number,
        "phone": "13800000000",
        "withdrawal_reason": "02",
        "amount": "1000.00",
        "bank_account": "6222020200112233",
    }
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields})
    outcome = await device.do("submitCase", {"id": case_id})
    assert outcome["status"] == "applied", outcome
    return case_id


async def _submitted_on(case_id: str, day: str) -> None:
    at = datetime.fromisoformat(f"{day}T04:00:00").replace(tzinfo=UTC)  # noon in UTC+8
    await CaseHistory.update({CaseHistory.at: at}).where(
        (CaseHistory.case_id == UUID(case_id)) & (CaseHistory.action == "submit")
    )


async def _queue(gql: GraphQL, token: str, **variables: object) -> list[str]:
    """Every page of the queue under the filter, two at a time; ids in list order."""
    seen: list[str] = []
    after = None
    while True:
        body = await gql(QUEUE, {**variables, "f": 2, "a": after}, token=token)
        assert "errors" not in body, body
        page = body["data"]["cases"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        after = page["pageInfo"]["endCursor"]


@pytest.fixture
async def queue(gql: GraphQL) -> dict[str, str]:
    """Four submitted cases: staff1's error, warning and unverified ones, staff2's error."""
    cases = {
        "error1": await _submitted(gql, "staff1", "张伟", "520201199001011239"),
        "warning1": await _submitted(gql, "staff1", "李娜", "520202198805060011"),
        "plain1": await _submitted(gql, "staff1", "王磊", "520201198503150023"),
        "error2": await _submitted(gql, "staff2", "赵敏", "520201197806224419"),
    }
    for key in ("error1", "error2"):  # submitted without materials: DOCUMENT_MISSING
        assert any(f["severity"] == "error" for f in await verify_and_notify(UUID(cases[key])))
    await verification.save_case_flags(
        UUID(cases["warning1"]), [WARNING], date(2026, 1, 1), datetime.now(UTC), "warning"
    )
    await _submitted_on(cases["error1"], "2026-01-05")
    await _submitted_on(cases["warning1"], "2026-01-06")
    await _submitted_on(cases["plain1"], "2026-01-07")
    await _submitted_on(cases["error2"], "2026-01-07")
    return cases


async def test_the_queue_is_narrowed_by_risk_level(gql: GraphQL, queue: dict[str, str]) -> None:
    token = await gql.login("supervisor1")
    ours = set(queue.values())
    errors = await _queue(gql, token, r="error")
    assert set(errors) == {queue["error1"], queue["error2"]}
    assert await _queue(gql, token, r="warning") == [queue["warning1"]]
    assert set(await _queue(gql, token, r="none")) & ours == {queue["plain1"]}
    body = await gql(QUEUE, {"r": "error", "f": 10}, token=token)
    assert {e["node"]["risk"] for e in body["data"]["cases"]["edges"]} == {"error"}


async def test_the_queue_is_narrowed_by_field_worker(gql: GraphQL, queue: dict[str, str]) -> None:
    token = await gql.login("supervisor1")
    staff2 = await _user_id("staff2")
    assert await _queue(gql, token, w=staff2, s="needs_review") == [queue["error2"]]
    mine = set(await _queue(gql, token, w=await _user_id("staff1"), s="needs_review"))
    assert mine >= {queue["error1"], queue["warning1"], queue["plain1"]}  # + a demo case
    assert queue["error2"] not in mine


async def test_the_queue_is_narrowed_by_submission_date_both_days_included(
    gql: GraphQL, queue: dict[str, str]
) -> None:
    token = await gql.login("supervisor1")
    between = await _queue(gql, token, **{"from": "2026-01-06", "to": "2026-01-07"})
    assert set(between) == {queue["warning1"], queue["plain1"], queue["error2"]}
    assert await _queue(gql, token, **{"from": "2026-01-05", "to": "2026-01-05"}) == [
        queue["error1"]
    ]
    combined = await _queue(gql, token, r="error", **{"from": "2026-01-06"})
    assert combined == [queue["error2"]]


async def test_filtered_pages_neither_repeat_nor_skip_and_keep_a_stable_order(
    gql: GraphQL, queue: dict[str, str]
) -> None:
    token = await gql.login("supervisor1")
    first = await _queue(gql, token, s="needs_review")
    again = await _queue(gql, token, s="needs_review")
    assert first == again == sorted(first)  # by case id, whatever the page size
    assert len(first) == len(set(first))
    assert set(queue.values()) <= set(first)


async def test_a_cursor_from_another_filter_is_refused(gql: GraphQL, queue: dict[str, str]) -> None:
    token = await gql.login("supervisor1")
    body = await gql(QUEUE, {"r": "error", "f": 1}, token=token)
    cursor = body["data"]["cases"]["pageInfo"]["endCursor"]
    assert cursor is not None
    assert queue["error1"] not in cursor  # opaque, not the id
    refused = await gql(QUEUE, {"r": "warning", "f": 1, "a": cursor}, token=token)
    assert error_codes(refused) == ["BAD_REQUEST"]
    assert "筛选条件" in refused["errors"][0]["message"]


async def test_bad_filter_values_get_chinese_errors(gql: GraphQL) -> None:
    token = await gql.login("supervisor1")
    cases = [
        ({"r": "high"}, "风险等级"),
        ({"w": "nobody"}, "人员编号"),
        ({"from": "2026-01-07", "to": "2026-01-06"}, "日期范围"),
    ]
    for variables, words in cases:
        body = await gql(QUEUE, variables, token=token)
        assert error_codes(body) == ["VALIDATION_FAILED"], body
        assert words in body["errors"][0]["message"]


async def test_a_filter_never_widens_what_a_field_worker_sees(
    gql: GraphQL, queue: dict[str, str]
) -> None:
    token = await gql.login("staff2")
    assert await _queue(gql, token, w=await _user_id("staff1")) == []
    assert await _queue(gql, token, r="error") == [queue["error2"]]


async def test_each_listed_case_names_its_assignee(gql: GraphQL) -> None:
    """The queue shows who holds each case (one users query per page, not one per case)."""
    mine = await _submitted(gql, "staff1", "李娜", "520202198805060011")
    token = await gql.login("supervisor1")
    assign = "mutation($id: ID!, $to: ID!) { assignCase(id: $id, assigneeId: $to) { id } }"
    body = await gql(assign, {"id": mine, "to": await _user_id("staff2")}, token)
    assert "errors" not in body, body
    listed = await gql("{ cases(first: 50) { edges { node { id assignee { displayName } } } } }",
                       token=token)
    names = {edge["node"]["id"]: edge["node"]["assignee"] for edge in
             listed["data"]["cases"]["edges"]}
    assert names[mine] == {"displayName": "李强"}
