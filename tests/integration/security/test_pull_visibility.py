"""Pull never returns what the user may not see: two field workers of one team, a
supervisor of another team, the demo supervisor and an employer, full and incremental."""

from __future__ import annotations

import pytest

from backend.cases.demo import DEMO_CASES
from tests.integration.conftest import GraphQL
from tests.integration.security.people import add_second_team
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

DEMO_IDS = {str(case_id) for case_id, *_ in DEMO_CASES}
ID_NUMBER = "520201199001011239"


async def _devices(gql: GraphQL, *usernames: str) -> dict[str, Device]:
    return {name: Device(gql, await gql.login(name)) for name in usernames}


def _case_ids(device: Device) -> set[str]:
    return {entity_id for entity, entity_id in device.entities if entity == "case"}


async def _create(device: Device, kind: str = "withdrawal") -> str:
    case_id = new_id()
    fields = {"name": "赵六", "id_number": ID_NUMBER} if kind == "withdrawal" else {}
    result = await device.do("createCase", {"id": case_id, "kind": kind, "fields": fields})
    assert result["status"] == "applied", result
    return case_id


async def test_each_user_pulls_exactly_the_cases_they_may_see(gql: GraphQL) -> None:
    await add_second_team()
    d = await _devices(
        gql, "staff1", "staff2", "staff3", "supervisor1", "supervisor2", "employer1", "admin"
    )
    for device in d.values():
        await device.sync()  # full sync first; the rest arrives through the change log
    staff2_case = await _create(d["staff2"])
    staff3_case = await _create(d["staff3"])
    unit_case = await _create(d["employer1"], "unit_registration")
    await d["staff1"].do("updateCase", {"id": str(DEMO_CASES[0][0]), "fields": {"phone": None}})

    expected = {
        "staff1": DEMO_IDS,
        "staff2": {staff2_case},
        "staff3": {staff3_case},
        "supervisor1": DEMO_IDS | {staff2_case},  # the team's cases, not team 2's
        "supervisor2": {staff3_case},
        # Their unit's registrations only (the demo one was opened by staff1 with no unit).
        "employer1": {unit_case},
        "admin": DEMO_IDS | {staff2_case, staff3_case, unit_case},
    }
    for username, device in d.items():
        await device.sync()  # incremental
        assert _case_ids(device) == expected[username], username
        fresh = Device(gql, device.token)
        await fresh.sync()  # and a full sync agrees
        assert _case_ids(fresh) == expected[username], username


async def test_documents_follow_their_case_and_employers_never_see_whole_id_numbers(
    gql: GraphQL,
) -> None:
    await add_second_team()
    d = await _devices(gql, "staff1", "staff2", "supervisor2", "employer1", "admin")
    case_id = await _create(d["staff1"])
    await d["staff1"].do(
        "attachDocument",
        {"caseId": case_id, "documentId": new_id(), "sha256": "b" * 64, "docType": "id_card"},
    )
    for username, device in d.items():
        await device.sync()
        docs = [k for k in device.entities if k[0] == "document"]
        if username in ("staff2", "supervisor2", "employer1"):
            assert not device.has("case", case_id), username
            assert all(device.entities[k]["data"]["caseId"] != case_id for k in docs), username
        else:
            assert device.has("case", case_id), username
    assert d["staff1"].case(case_id)["fields"]["id_number"] == ID_NUMBER
    assert d["admin"].case(case_id)["fields"]["id_number"] == "520201********1239"
    for change in d["employer1"].entities.values():
        number = (change["data"] or {}).get("fields", {}).get("id_number")
        assert number is None or "*" in number


async def test_a_reassigned_case_disappears_from_the_old_assignees_device(gql: GraphQL) -> None:
    d = await _devices(gql, "staff1", "staff2", "supervisor1")
    case_id = await _create(d["staff2"])
    await d["staff2"].sync()
    assert d["staff2"].has("case", case_id)
    assign = "mutation($id: ID!, $to: ID!) { assignCase(id: $id, assigneeId: $to) { id } }"
    staff1_id = (await gql("{ me { id } }", token=d["staff1"].token))["data"]["me"]["id"]
    body = await gql(assign, {"id": case_id, "to": staff1_id}, token=d["supervisor1"].token)
    assert "errors" not in body, body
    await d["staff1"].sync()
    assert d["staff1"].has("case", case_id)
    # staff2 created it: the creator keeps sight of their own case.
    await d["staff2"].sync()
    assert d["staff2"].has("case", case_id)
