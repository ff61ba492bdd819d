"""Public requests, bad input, the ticket, dispatch and the worker's inbox (real database)."""

from __future__ import annotations

from datetime import timedelta

from backend.demo.seed import demo_user_id
from backend.visits.rules import SLOT_CAPACITY, today
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.visits.helpers import (
    TICKET,
    VISITS,
    request,
    requested,
    schedule,
)

STAFF1 = str(demo_user_id("staff1"))


async def _count(gql: GraphQL, token: str) -> int:
    body = await gql(VISITS, {}, token=token)
    return len(body["data"]["visits"])


async def test_public_request_ticket_and_schedule(gql: GraphQL, demo: None) -> None:
    receipt = await requested(gql)
    assert receipt["status"] == "requested"
    assert len(receipt["ticket"]) >= 20
    ticket = await gql(TICKET, {"t": receipt["ticket"]})
    assert ticket["data"]["visitTicket"] == {
        "status": "requested",
        "statusLabel": "待安排",
        "kind": "withdrawal",
        "scheduledFor": None,
        "outcome": None,
    }
    assert error_codes(await gql(TICKET, {"t": "not-a-ticket"})) == ["NOT_FOUND"]

    boss = await gql.login("supervisor1")
    body = await schedule(gql, boss, receipt["id"], STAFF1)
    assert "errors" not in body, body
    visit = body["data"]["scheduleVisit"]
    assert visit["status"] == "scheduled"
    assert visit["assignee"] == {"username": "staff1"}
    assert visit["scheduledFor"] == today().isoformat()

    staff = await gql.login("staff1")
    mine = (await gql(VISITS, {"date": today().isoformat()}, token=staff))["data"]["visits"]
    assert [v["id"] for v in mine] == [receipt["id"]]
    assert mine[0]["phone"] == "13800138000"
    inbox = await gql("{ inbox { edges { node { kind title body } } } }", token=staff)
    kinds = [e["node"]["kind"] for e in inbox["data"]["inbox"]["edges"]]
    assert "visit_assigned" in kinds
    # others' visits stay hidden from another worker
    other = await gql.login("staff2")
    assert await _count(gql, other) == 0
    assert error_codes(await gql(VISITS, {"staff": STAFF1}, token=other)) == ["FORBIDDEN"]
    # the ticket shows status only
    shown = (await gql(TICKET, {"t": receipt["ticket"]}))["data"]["visitTicket"]
    assert shown["status"] == "scheduled"
    assert "王秀英" not in str(shown)


async def test_bad_input_gets_chinese_errors_and_saves_nothing(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    bad_phone = await request(gql, phone="12345")
    assert error_codes(bad_phone) == ["VALIDATION_FAILED"]
    assert "电话号码格式不正确" in bad_phone["errors"][0]["message"]
    past = (today() - timedelta(days=1)).isoformat()
    assert error_codes(await request(gql, preferredDate=past, phone="13900000001")) == [
        "VISIT_DATE_IN_PAST"
    ]
    assert error_codes(await request(gql, address=" ", phone="13900000002")) == [
        "VALIDATION_FAILED"
    ]
    assert await _count(gql, boss) == 0

    receipt = await requested(gql, phone="13900000003")
    body = await gql(
        """mutation($id: ID!, $s: ID!, $d: Date!) {
  scheduleVisit(id: $id, staffId: $s, date: $d) { id } }""",
        {"id": receipt["id"], "s": STAFF1, "d": past},
        token=boss,
    )
    assert error_codes(body) == ["VISIT_DATE_IN_PAST"]
    assert (await gql(VISITS, {}, token=boss))["data"]["visits"][0]["status"] == "requested"


async def test_slot_full(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    for n in range(SLOT_CAPACITY):
        receipt = await requested(gql, phone=f"1390000{n:04d}")
        assert "errors" not in await schedule(gql, boss, receipt["id"], STAFF1)
    extra = await requested(gql, phone="13911112222")
    full = await schedule(gql, boss, extra["id"], STAFF1)
    assert error_codes(full) == ["VISIT_SLOT_FULL"]
    assert "约满" in full["errors"][0]["message"]
    assert "errors" not in await schedule(gql, boss, extra["id"], STAFF1, slot="pm")


async def test_request_flood_is_rate_limited(gql: GraphQL) -> None:
    for _ in range(3):
        await requested(gql)
    flood = await request(gql)
    assert error_codes(flood) == ["RATE_LIMITED"]
    assert flood["errors"][0]["extensions"]["details"]["retryAfterSeconds"] > 0
    # and per address, whatever the phone
    codes = [error_codes(await request(gql, phone=f"1370000{n:04d}")) for n in range(8)]
    assert codes[-1] == ["RATE_LIMITED"]


async def test_suggestion_prefers_area_then_lighter_day(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    staff2 = str(demo_user_id("staff2"))
    set_areas = "mutation($s: ID!, $a: [String!]!) { setStaffAreas(staffId: $s, areas: $a) }"
    assert "errors" not in await gql(set_areas, {"s": staff2, "a": ["荷泉"]}, token=boss)
    receipt = await requested(gql)
    suggest = """query($v: ID!, $d: Date!) { visitAssigneeSuggestions(visitId: $v, date: $d) {
      user { username } visitsThatDay } }"""
    body = await gql(suggest, {"v": receipt["id"], "d": today().isoformat()}, token=boss)
    names = [s["user"]["username"] for s in body["data"]["visitAssigneeSuggestions"]]
    assert names == ["staff2", "staff1"]
    staff = await gql.login("staff1")
    assert error_codes(
        await gql(suggest, {"v": receipt["id"], "d": today().isoformat()}, token=staff)
    ) == ["FORBIDDEN"]
