"""The device list (``devices(userId)``): who sees whose tablets, newest activity first.

Field staff see their own devices, a supervisor their team members' (and own), admins
anyone's; asking for another team's user is ``FORBIDDEN``. A device is listed once a
sign-in pushed or pulled with its client id; ``revokeDevice`` shows as ``revoked`` with
when and by whom.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from backend.demo.seed import DEMO_PASSWORD, demo_user_id
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.security.people import STAFF3_ID, add_second_team
from tests.integration.sync.device import PULL, Device

pytestmark = pytest.mark.usefixtures("demo")

LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
DEVICES = """query($u: ID) {
  devices(userId: $u) {
    clientId firstSeen lastSeen revoked revokedAt
    user { username displayName } revokedBy { username }
  }
}"""
REVOKE = "mutation($c: ID!) { revokeDevice(clientId: $c) { username } }"


async def _tablet(gql: GraphQL, username: str) -> Device:
    """A fresh sign-in on a new tablet that pulls once (so the server knows its client id)."""
    body = await gql(LOGIN, {"u": username, "p": DEMO_PASSWORD})
    assert "errors" not in body, body
    device = Device(gql, body["data"]["login"]["token"])
    pulled = await gql(PULL, {"clientId": device.client_id, "cursor": None}, token=device.token)
    assert "errors" not in pulled, pulled
    return device


async def _devices(gql: GraphQL, viewer: str, user_id: Any = None) -> list[dict[str, Any]]:
    body = await gql(
        DEVICES, {"u": str(user_id) if user_id else None}, token=await gql.login(viewer)
    )
    assert "errors" not in body, body
    result: list[dict[str, Any]] = body["data"]["devices"]
    return result


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _ids(devices: list[dict[str, Any]]) -> set[str]:
    return {device["clientId"] for device in devices}


@pytest.fixture
async def tablets(gql: GraphQL) -> dict[str, Device]:
    await add_second_team()
    return {
        name: await _tablet(gql, name) for name in ("staff1", "staff2", "supervisor1", "staff3")
    }


async def test_each_role_sees_exactly_what_it_may(gql: GraphQL, tablets: dict[str, Device]) -> None:
    ids = {name: device.client_id for name, device in tablets.items()}
    assert _ids(await _devices(gql, "staff1")) == {ids["staff1"]}
    assert _ids(await _devices(gql, "staff1", demo_user_id("staff1"))) == {ids["staff1"]}
    team = {ids["staff1"], ids["staff2"], ids["supervisor1"]}
    assert _ids(await _devices(gql, "supervisor1")) == team
    staff2 = await _devices(gql, "supervisor1", demo_user_id("staff2"))
    assert _ids(staff2) == {ids["staff2"]}
    assert staff2[0]["user"] == {
        "username": "staff2",
        "displayName": staff2[0]["user"]["displayName"],
    }
    assert staff2[0]["user"]["displayName"]
    assert staff2[0]["revoked"] is False
    assert staff2[0]["revokedAt"] is None
    assert _at(staff2[0]["firstSeen"]) <= _at(staff2[0]["lastSeen"])
    everyone = await _devices(gql, "admin")
    assert _ids(everyone) == set(ids.values())
    assert _ids(await _devices(gql, "admin", STAFF3_ID)) == {ids["staff3"]}
    # Newest activity first: the last tablet to sync heads the admin's list.
    seen = [_at(device["lastSeen"]) for device in everyone]
    assert seen == sorted(seen, reverse=True)
    assert everyone[0]["clientId"] == ids["staff3"]


async def test_last_seen_moves_with_each_pull(gql: GraphQL, tablets: dict[str, Device]) -> None:
    device = tablets["staff1"]
    [before] = await _devices(gql, "staff1")
    await gql(PULL, {"clientId": device.client_id, "cursor": None}, token=device.token)
    [after] = await _devices(gql, "staff1")
    assert after["firstSeen"] == before["firstSeen"]
    assert _at(after["lastSeen"]) > _at(before["lastSeen"])
    # Now the most recently active device in the team.
    assert (await _devices(gql, "supervisor1"))[0]["clientId"] == device.client_id


@pytest.mark.parametrize(
    ("viewer", "owner"),
    [
        ("staff1", demo_user_id("staff2")),
        ("staff1", demo_user_id("supervisor1")),
        ("supervisor1", STAFF3_ID),
        ("employer1", demo_user_id("staff1")),
    ],
)
async def test_other_peoples_devices_are_forbidden(
    gql: GraphQL, tablets: dict[str, Device], viewer: str, owner: Any
) -> None:
    body = await gql(DEVICES, {"u": str(owner)}, token=await gql.login(viewer))
    assert error_codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["message"] == "只能查看本人或本组成员的设备"


async def test_unknown_user_is_not_found(gql: GraphQL) -> None:
    for user_id in ("not-a-uuid", "00000000-0000-4000-8000-00000000ffff"):
        body = await gql(DEVICES, {"u": user_id}, token=await gql.login("admin"))
        assert error_codes(body) == ["NOT_FOUND"]
        assert body["errors"][0]["message"] == "找不到该用户"


async def test_revoked_flag_shows_after_revoke_device(
    gql: GraphQL, tablets: dict[str, Device]
) -> None:
    staff1 = tablets["staff1"].client_id
    body = await gql(REVOKE, {"c": staff1}, token=await gql.login("supervisor1"))
    assert "errors" not in body, body
    listed = {device["clientId"]: device for device in await _devices(gql, "supervisor1")}
    assert listed[staff1]["revoked"] is True
    assert listed[staff1]["revokedAt"] is not None
    assert listed[staff1]["revokedBy"] == {"username": "supervisor1"}
    assert listed[tablets["staff2"].client_id]["revoked"] is False
    # The owner sees it too (from another sign-in: the revoked one is refused everywhere).
    [own] = await _devices(gql, "staff1")
    assert own["revoked"] is True
