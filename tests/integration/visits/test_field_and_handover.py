"""The worker's day through sync (visits in pull, outcome and start-case mutators) and the
handover (业务衔接) of everything open, including a draft still only on the leaver's device."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.demo.seed import demo_user_id
from backend.visits.rules import today
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id
from tests.integration.visits.helpers import HAND_OVER, TICKET, VISITS, requested, schedule

STAFF1, STAFF2 = str(demo_user_id("staff1")), str(demo_user_id("staff2"))
CASE = """query($id: ID!) {
  case(id: $id) { fields assignee { username } history { action actor reason } } }"""


async def _scheduled_visit(gql: GraphQL, boss: str, **changes: str) -> dict[str, str]:
    receipt = await requested(gql, **changes)
    assert "errors" not in await schedule(gql, boss, receipt["id"], STAFF1)
    return receipt


async def test_day_in_pull_start_case_and_outcome(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    receipt = await _scheduled_visit(gql, boss)
    tablet = Device(gql, await gql.login("staff1"))
    await tablet.sync()
    visit = tablet.entities[("visit", receipt["id"])]["data"]
    assert visit["status"] == "scheduled"
    assert visit["address"].startswith("钟山区")
    assert visit["materialsArticle"] == "withdrawal-04-incapacity"

    case_id = new_id()
    start = await tablet.do("startCaseFromVisit", {"visitId": receipt["id"], "caseId": case_id})
    assert start["status"] == "applied", start
    again = await tablet.do("startCaseFromVisit", {"visitId": receipt["id"], "caseId": new_id()})
    assert again["error"]["code"] == "CONFLICT"
    at = datetime.now(UTC).isoformat()
    bad = await tablet.do(
        "recordVisitOutcome", {"visitId": receipt["id"], "outcome": "gone", "at": at}
    )
    assert bad["status"] == "rejected"
    assert bad["error"]["field"] == "outcome"
    done = await tablet.do(
        "recordVisitOutcome",
        {
            "visitId": receipt["id"],
            "outcome": "done",
            "note": "已收齐材料",
            "at": at,
            "location": {"lat": 26.59, "lng": 104.83, "accuracy": 12},
        },
    )
    assert done["status"] == "applied", done
    await tablet.sync()
    assert tablet.case(case_id)["fields"] == {
        "name": "王秀英",
        "phone": "13800138000",
        "address": "钟山区荷泉路 18 号 3 单元",
    }
    synced = tablet.entities[("visit", receipt["id"])]["data"]
    assert (synced["status"], synced["caseId"], synced["outcome"]) == ("done", case_id, "done")
    ticket = (await gql(TICKET, {"t": receipt["ticket"]}))["data"]["visitTicket"]
    assert ticket["status"] == "done"
    # another worker's device may not record on it
    other = Device(gql, await gql.login("staff2"))
    refused = await other.do(
        "recordVisitOutcome", {"visitId": receipt["id"], "outcome": "done", "at": at}
    )
    assert refused["error"]["code"] == "FORBIDDEN"


async def test_rescheduled_and_not_home(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    first = await _scheduled_visit(gql, boss)
    second = await _scheduled_visit(gql, boss, phone="13700001111")
    tablet = Device(gql, await gql.login("staff1"))
    at = datetime.now(UTC).isoformat()
    assert (
        await tablet.do(
            "recordVisitOutcome", {"visitId": first["id"], "outcome": "not_home", "at": at}
        )
    )["status"] == "applied"
    assert (
        await tablet.do(
            "recordVisitOutcome", {"visitId": second["id"], "outcome": "rescheduled", "at": at}
        )
    )["status"] == "applied"
    statuses = {v["id"]: v["status"] for v in (await gql(VISITS, {}, token=boss))["data"]["visits"]}
    assert statuses == {first["id"]: "missed", second["id"]: "requested"}
    metrics = await gql(
        """query($f: Date!, $t: Date!) { visitMetrics(dateFrom: $f, dateTo: $t) {
          medianDaysToVisit staff { user { username } done missed planned noShowRate } } }""",
        {"f": today().isoformat(), "t": today().isoformat()},
        token=boss,
    )
    assert metrics["data"]["visitMetrics"]["staff"] == [
        {"user": {"username": "staff1"}, "done": 0, "missed": 1, "planned": 1, "noShowRate": 1.0}
    ]
    late = await tablet.do(
        "recordVisitOutcome", {"visitId": first["id"], "outcome": "done", "at": at}
    )
    assert late["error"]["code"] == "INVALID_STATE"


async def test_handover_moves_everything_open_once(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    visit = await _scheduled_visit(gql, boss)
    staff1 = await gql.login("staff1")
    tablet = Device(gql, staff1)
    await tablet.sync()
    synced_case = new_id()
    created = await tablet.do(
        "createCase", {"id": synced_case, "kind": "withdrawal", "fields": {"name": "甲"}}
    )
    assert created["status"] == "applied"
    open_cases = [
        change["id"]
        for (entity, _), change in tablet.entities.items()
        if entity == "case" and change["data"]["status"] != "approved"
    ]

    moved = await gql(HAND_OVER, {"from": STAFF1, "to": STAFF2, "reason": "调岗"}, token=boss)
    assert "errors" not in moved, moved
    result = moved["data"]["handOver"]
    assert result["visits"] == 1
    assert result["cases"] >= 1
    assert result["complete"] is False
    assert [d["clientId"] for d in result["devices"]] == [tablet.client_id]
    assert result["devices"][0]["state"] == "pending"
    handover_id = result["id"]

    # Revoking the leaver's devices waits for their outbox.
    revoke = "mutation($h: ID!) { revokeHandedOverDevices(handoverId: $h) }"
    assert error_codes(await gql(revoke, {"h": handover_id}, token=boss)) == [
        "HANDOVER_DEVICES_PENDING"
    ]

    # The leaver's tablet still held a draft made offline: it syncs, learns of the handover,
    # pushes the draft, then confirms.
    changes = await tablet.sync()
    assert any(c["entity"] == "handover" and c["id"] == handover_id for c in changes)
    assert not tablet.has("visit", visit["id"])
    offline_draft = new_id()
    pushed = await tablet.push(
        tablet.mutation(
            "createCase", {"id": offline_draft, "kind": "withdrawal", "fields": {"name": "乙"}}
        ),
        tablet.mutation("confirmHandoverSync", {"handoverId": handover_id}),
    )
    assert [r["status"] for r in pushed["results"]] == ["applied", "applied"], pushed

    newcomer = Device(gql, await gql.login("staff2"))
    await newcomer.sync()
    assert newcomer.has("visit", visit["id"])
    for case_id in [*open_cases, synced_case, offline_draft]:
        assert newcomer.has("case", case_id), case_id
    staff2 = await gql.login("staff2")
    inherited = (await gql(CASE, {"id": offline_draft}, token=staff2))["data"]["case"]
    assert inherited["assignee"] == {"username": "staff2"}
    actions = [h["action"] for h in inherited["history"]]
    assert actions[0] == "create"
    assert actions[-1] == "handover"
    assert "调岗" in inherited["history"][-1]["reason"]

    listed = await gql(
        "query($u: ID!) { handovers(userId: $u) { id cases visits complete devices { state } } }",
        {"u": STAFF1},
        token=boss,
    )
    record = listed["data"]["handovers"][0]
    assert record["complete"] is True
    assert record["devices"] == [{"state": "synced"}]
    assert record["cases"] == result["cases"] + 1  # the offline draft, moved once
    assert (await gql(revoke, {"h": handover_id}, token=boss))["data"][
        "revokeHandedOverDevices"
    ] == 1

    # Nothing left, nothing duplicated: a second handover moves nothing.
    again = await gql(HAND_OVER, {"from": STAFF1, "to": STAFF2, "reason": "复核"}, token=boss)
    assert (again["data"]["handOver"]["cases"], again["data"]["handOver"]["visits"]) == (0, 0)
    mine = (await gql(VISITS, {}, token=staff2))["data"]["visits"]
    assert [v["id"] for v in mine] == [visit["id"]]
    inbox = await gql("{ inbox { edges { node { kind body } } } }", token=staff2)
    assert any(e["node"]["kind"] == "work_handed_over" for e in inbox["data"]["inbox"]["edges"])


async def test_handover_permissions(gql: GraphQL, demo: None) -> None:
    staff = await gql.login("staff1")
    body = await gql(HAND_OVER, {"from": STAFF1, "to": STAFF2, "reason": "x"}, token=staff)
    assert error_codes(body) == ["FORBIDDEN"]
    others = await gql("query($u: ID!) { handovers(userId: $u) { reason } }", {"u": STAFF2},
                       token=staff)
    assert error_codes(others) == ["NOT_FOUND"]
    boss = await gql.login("supervisor1")
    same = await gql(HAND_OVER, {"from": STAFF1, "to": STAFF1, "reason": "x"}, token=boss)
    assert error_codes(same) == ["VALIDATION_FAILED"]
    blank = await gql(HAND_OVER, {"from": STAFF1, "to": STAFF2, "reason": " "}, token=boss)
    assert error_codes(blank) == ["VALIDATION_FAILED"]


async def test_start_case_links_a_case_the_device_created_offline(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    receipt = await _scheduled_visit(gql, boss)
    tablet = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    fields = {"name": "王秀英", "phone": "13800138000", "address": "钟山区荷泉路 18 号 3 单元"}
    pushed = await tablet.push(
        tablet.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields}),
        tablet.mutation("startCaseFromVisit", {"visitId": receipt["id"], "caseId": case_id}),
    )
    assert [r["status"] for r in pushed["results"]] == ["applied", "applied"], pushed
    await tablet.sync()
    assert tablet.entities[("visit", receipt["id"])]["data"]["caseId"] == case_id
    other = Device(gql, await gql.login("staff2"))
    foreign = new_id()
    await other.do("createCase", {"id": foreign, "kind": "withdrawal", "fields": {}})
    second = await _scheduled_visit(gql, boss, phone="13700002222")
    taken = await tablet.do("startCaseFromVisit", {"visitId": second["id"], "caseId": foreign})
    assert taken["error"]["code"] == "CONFLICT"
