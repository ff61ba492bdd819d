"""Lost tablets: a revoked device pushes once more, then every sync says DEVICE_REVOKED/wipe."""

from __future__ import annotations

import pytest

from backend.demo.seed import DEMO_PASSWORD, demo_user_id
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import PULL, Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

REVOKE = "mutation($c: ID!) { revokeDevice(clientId: $c) { username } }"
DISABLE = "mutation($id: ID!) { disableUser(id: $id) { username } }"
LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"


def _create(device: Device) -> dict[str, object]:
    return device.mutation("createCase", {"id": new_id(), "kind": "withdrawal", "fields": {}})


async def _pull_errors(device: Device) -> list[dict[str, object]]:
    body = await device.gql(PULL, {"clientId": device.client_id, "cursor": None}, device.token)
    errors: list[dict[str, object]] = body.get("errors", [])
    return errors


async def test_revoked_device_saves_one_last_push_then_is_told_to_wipe(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    await device.push(_create(device))
    supervisor = await gql.login("supervisor1")
    revoked = await gql(REVOKE, {"c": device.client_id}, token=supervisor)
    assert revoked["data"]["revokeDevice"]["username"] == "staff1"

    [pull_error] = await _pull_errors(device)
    extensions = pull_error["extensions"]
    assert isinstance(extensions, dict)
    assert extensions["code"] == "DEVICE_REVOKED"
    assert extensions["wipe"] is True
    assert extensions["details"] == {"wipe": True, "finalPushAllowed": True}

    last = await device.push(_create(device), _create(device))
    assert [r["status"] for r in last["results"]] == ["applied", "applied"]
    assert last["lastMutationId"] == 3

    again = await device.send([_create(device)])
    assert error_codes(again) == ["DEVICE_REVOKED"]
    [after] = await _pull_errors(device)
    assert after["extensions"] == {
        "code": "DEVICE_REVOKED",
        "wipe": True,
        "field": "clientId",
        "details": {"wipe": True, "finalPushAllowed": False},
    }


async def test_revoking_one_device_leaves_the_users_other_devices_syncing(gql: GraphQL) -> None:
    # Two tablets are two sign-ins: revoking one ends only that sign-in.
    lost, kept = Device(gql, await gql.login("staff1")), Device(gql, await gql.login("staff1"))
    await lost.push(_create(lost))
    await kept.push(_create(kept))
    await gql(REVOKE, {"c": lost.client_id}, token=await gql.login("admin"))
    assert (await kept.push(_create(kept)))["lastMutationId"] == 2
    await kept.sync()


async def test_only_the_owners_supervisor_or_an_admin_may_revoke(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    await device.push(_create(device))
    for username in ("staff2", "employer1"):
        body = await gql(REVOKE, {"c": device.client_id}, token=await gql.login(username))
        assert error_codes(body) == ["FORBIDDEN"], username
    unknown = await gql(REVOKE, {"c": "never-seen"}, token=await gql.login("admin"))
    assert error_codes(unknown) == ["NOT_FOUND"]
    await device.push(_create(device))  # still syncing


async def test_disabled_user_is_signed_out_everywhere_and_cannot_sign_in(gql: GraphQL) -> None:
    token = await gql.login("staff2")
    admin = await gql.login("admin")
    body = await gql(DISABLE, {"id": str(demo_user_id("staff2"))}, token=admin)
    assert body["data"]["disableUser"]["username"] == "staff2"
    assert error_codes(await gql("{ me { id } }", token=token)) == ["ACCOUNT_DISABLED"]
    relogin = await gql(LOGIN, {"u": "staff2", "p": DEMO_PASSWORD})
    assert error_codes(relogin) == ["ACCOUNT_DISABLED"]


async def test_supervisor_may_not_disable_an_admin_nor_field_staff_disable_anyone(
    gql: GraphQL,
) -> None:
    supervisor = await gql.login("supervisor1")
    body = await gql(DISABLE, {"id": str(demo_user_id("admin"))}, token=supervisor)
    assert error_codes(body) == ["FORBIDDEN"]
    staff = await gql.login("staff1")
    body = await gql(DISABLE, {"id": str(demo_user_id("staff2"))}, token=staff)
    assert error_codes(body) == ["FORBIDDEN"]
