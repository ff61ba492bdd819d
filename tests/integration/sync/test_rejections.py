"""Rejected mutations can be read back: by the device's user, by their team's supervisor and
by admins, newest first, in pages, with stable codes and Chinese messages; nobody else."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

REJECTIONS = """query($clientId: ID, $first: Int, $after: String) {
  syncRejections(clientId: $clientId, first: $first, after: $after) {
    edges { cursor node { clientId mutationId mutator action caseId at
                          error { code message field } user { username } } }
    pageInfo { endCursor hasNextPage } } }"""
ID_NUMBER = "520203197001175843"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


async def rejections(gql: GraphQL, token: str, **variables: Any) -> dict[str, Any]:
    body = await gql(REJECTIONS, variables, token=token)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["syncRejections"]
    return result


def nodes(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in result["edges"]]


async def rejected_work(gql: GraphQL, token: str) -> tuple[Device, str]:
    """Three mutations refused for three reasons, one applied in between."""
    device = Device(gql, token)
    case_id = new_id()
    outcome = await device.push(
        device.mutation(
            "createCase",
            {"id": new_id(), "kind": "withdrawal", "fields": {"id_number": ID_NUMBER, "shoe": 1}},
        ),
        device.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}),
        device.mutation("updateCase", {"id": case_id, "fields": {"colour": "红"}}),
        device.mutation("submitCase", {"id": case_id}),
    )
    statuses = [result["status"] for result in outcome["results"]]
    assert statuses == ["rejected", "applied", "rejected", "rejected"], outcome
    return device, case_id


async def test_a_user_reads_their_devices_rejections_newest_first_in_chinese(
    gql: GraphQL,
) -> None:
    staff1 = await gql.login("staff1")
    device, case_id = await rejected_work(gql, staff1)
    result = await rejections(gql, staff1)
    found = nodes(result)
    assert [(n["mutationId"], n["mutator"], n["error"]["code"]) for n in found] == [
        (4, "submitCase", "VALIDATION_FAILED"),
        (3, "updateCase", "UNKNOWN_FIELD"),
        (1, "createCase", "UNKNOWN_FIELD"),
    ]
    assert [n["action"] for n in found] == ["提交案件", "修改案件", "新建案件"]
    assert found[1]["caseId"] == case_id
    assert found[1]["error"]["field"] == "colour"
    assert all(n["clientId"] == device.client_id for n in found)
    assert all(n["user"]["username"] == "staff1" for n in found)
    assert all(CHINESE.search(n["error"]["message"]) for n in found), found
    # The pushed arguments are not handed back: they may carry ID numbers.
    assert ID_NUMBER not in str(result)
    assert result["pageInfo"]["hasNextPage"] is False


async def test_pages_follow_the_cursor_without_gaps_or_repeats(gql: GraphQL) -> None:
    staff1 = await gql.login("staff1")
    await rejected_work(gql, staff1)
    await rejected_work(gql, staff1)
    seen: list[tuple[str, int]] = []
    after = None
    pages = 0
    while True:
        page = await rejections(gql, staff1, first=2, after=after)
        seen += [(n["clientId"], n["mutationId"]) for n in nodes(page)]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == 3
    assert len(seen) == len(set(seen)) == 6
    everything = await rejections(gql, staff1, first=100)
    assert [(n["clientId"], n["mutationId"]) for n in nodes(everything)] == seen


async def test_one_device_only_and_never_another_users_device(gql: GraphQL) -> None:
    staff1, staff2 = await gql.login("staff1"), await gql.login("staff2")
    first, _ = await rejected_work(gql, staff1)
    await rejected_work(gql, staff1)
    theirs, _ = await rejected_work(gql, staff2)

    only_first = nodes(await rejections(gql, staff1, clientId=first.client_id))
    assert {n["clientId"] for n in only_first} == {first.client_id}
    assert len(only_first) == 3
    assert len(nodes(await rejections(gql, staff1))) == 6  # both of staff1's devices

    for client_id in (theirs.client_id, "no-such-device"):
        body = await gql(REJECTIONS, {"clientId": client_id}, token=staff1)
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", body
        assert CHINESE.search(body["errors"][0]["message"])
    assert theirs.client_id not in str(await rejections(gql, staff1))


async def test_a_supervisor_sees_their_teams_devices_and_an_admin_everyones(
    gql: GraphQL,
) -> None:
    staff1, employer1 = await gql.login("staff1"), await gql.login("employer1")
    team_device, _ = await rejected_work(gql, staff1)
    employer_device = Device(gql, employer1)
    refused = await employer_device.do("updateCase", {"id": new_id(), "fields": {}})
    assert refused["status"] == "rejected"

    supervisor = nodes(await rejections(gql, await gql.login("supervisor1")))
    assert {n["clientId"] for n in supervisor} == {team_device.client_id}
    admin = nodes(await rejections(gql, await gql.login("admin"), first=100))
    assert {team_device.client_id, employer_device.client_id} <= {n["clientId"] for n in admin}
    staff2 = nodes(await rejections(gql, await gql.login("staff2")))
    assert team_device.client_id not in {n["clientId"] for n in staff2}
    employer = nodes(await rejections(gql, employer1))
    assert [n["clientId"] for n in employer] == [employer_device.client_id]


@pytest.mark.parametrize(
    ("variables", "field"),
    [({"first": 0}, "first"), ({"first": 101}, "first"), ({"after": "not-a-cursor"}, "after")],
)
async def test_bad_paging_arguments_are_bad_requests(
    gql: GraphQL, variables: dict[str, Any], field: str
) -> None:
    body = await gql(REJECTIONS, variables, token=await gql.login("staff1"))
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST", body
    assert error["extensions"].get("field") == field, body


async def test_signed_out_callers_are_refused(gql: GraphQL) -> None:
    body = await gql(REJECTIONS, {})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
