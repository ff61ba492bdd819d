"""Revoking a device or disabling a user ends its sign-in at once, on every path.

Tokens carry the signed-in device (``dev`` claim); sync push and pull record which client
ids it used. After ``revokeDevice(clientId)`` that device's access and refresh tokens are
refused with ``DEVICE_REVOKED`` on GraphQL, tus uploads, /files and refreshSession; sync
lets it push once more, then refuses push and pull alike. ``disableUser`` answers
``ACCOUNT_DISABLED`` everywhere. Each refusal carries the catalogue's Chinese message.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar.security.jwt import Token
from litestar.testing import AsyncTestClient

from backend.accounts import tokens
from backend.demo.seed import DEMO_PASSWORD, demo_user_id
from backend.errors import DEFAULT_MESSAGES, ErrorCode
from backend.settings import get_settings
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import PULL, Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

LOGIN = """mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { token refreshToken }
}"""
REFRESH = "mutation($r: String!) { refreshSession(refreshToken: $r) { token refreshToken } }"
REVOKE = "mutation($c: ID!) { revokeDevice(clientId: $c) { username } }"
DISABLE = "mutation($id: ID!) { disableUser(id: $id) { username } }"
ME = "{ me { username } }"
CASES = "{ cases(first: 1) { pageInfo { hasNextPage } } }"
REVOKED_MESSAGE = DEFAULT_MESSAGES[ErrorCode.DEVICE_REVOKED]
DISABLED_MESSAGE = DEFAULT_MESSAGES[ErrorCode.ACCOUNT_DISABLED]
PHOTO = b"\xff\xd8\xff\xe0" + b"doorstep" * 64


class Tablet:
    """One signed-in tablet: its own sign-in (access + refresh token) and sync client."""

    def __init__(self, gql: GraphQL, token: str, refresh_token: str) -> None:
        self.gql = gql
        self.refresh_token = refresh_token
        self.device = Device(gql, token)

    @classmethod
    async def sign_in(cls, gql: GraphQL, username: str) -> Tablet:
        body = await gql(LOGIN, {"u": username, "p": DEMO_PASSWORD})
        assert "errors" not in body, body
        login = body["data"]["login"]
        return cls(gql, login["token"], login["refreshToken"])

    @property
    def token(self) -> str:
        return self.device.token

    async def create_case(self) -> dict[str, Any]:
        args = {"id": new_id(), "kind": "withdrawal", "fields": {}}
        return await self.device.send([self.device.mutation("createCase", args)])

    async def pull(self) -> dict[str, Any]:
        variables = {"clientId": self.device.client_id, "cursor": None}
        return await self.gql(PULL, variables, token=self.token)


async def _revoke(gql: GraphQL, client_id: str) -> None:
    body = await gql(REVOKE, {"c": client_id}, token=await gql.login("admin"))
    assert "errors" not in body, body


def _only_error(body: dict[str, Any]) -> dict[str, Any]:
    [error] = body["errors"]
    assert isinstance(error, dict)
    return error


def _tus_headers(token: str, **extra: str) -> dict[str, str]:
    return {"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {token}", **extra}


async def _start_upload(client: AsyncTestClient[Any], token: str) -> Any:
    meta = ",".join(
        f"{key} {base64.b64encode(value.encode()).decode()}"
        for key, value in {"sha256": hashlib.sha256(PHOTO).hexdigest(), "filename": "a.jpg"}.items()
    )
    headers = _tus_headers(token, **{"Upload-Length": str(len(PHOTO)), "Upload-Metadata": meta})
    return await client.post("/uploads/", headers=headers)


async def _refused_everywhere(
    client: AsyncTestClient[Any], tablet: Tablet, code: str, message: str, upload: str
) -> None:
    """GraphQL, pull, push, tus (new and resumed upload), /files and refreshSession."""
    gql = tablet.gql
    me = _only_error(await gql(ME, token=tablet.token))
    assert (me["extensions"]["code"], me["message"]) == (code, message)
    assert error_codes(await gql(CASES, token=tablet.token)) == [code]

    assert error_codes(await tablet.pull()) == [code]
    assert error_codes(await tablet.create_case()) == [code]

    created = await _start_upload(client, tablet.token)
    assert (created.status_code, created.json()["code"]) == (403, code), created.text
    assert created.json()["message"] == message
    resumed = await client.patch(
        upload,
        headers=_tus_headers(
            tablet.token,
            **{"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        ),
        content=PHOTO,
    )
    assert (resumed.status_code, resumed.json()["code"]) == (403, code), resumed.text
    head = await client.head(upload, headers=_tus_headers(tablet.token))
    assert head.status_code == 403

    digest = hashlib.sha256(PHOTO).hexdigest()
    files = await client.get(
        f"/files/{digest}", headers={"Authorization": f"Bearer {tablet.token}"}
    )
    assert (files.status_code, files.json()["code"]) == (403, code), files.text
    assert files.json()["message"] == message

    refreshed = _only_error(await gql(REFRESH, {"r": tablet.refresh_token}))
    assert (refreshed["extensions"]["code"], refreshed["message"]) == (code, message)


async def test_revoked_device_is_refused_on_every_path_after_its_last_push(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    tablet = await Tablet.sign_in(gql, "staff1")
    assert "errors" not in await tablet.create_case()
    upload = await _start_upload(client, tablet.token)
    assert upload.status_code == 201, upload.text
    location = upload.headers["location"]
    refreshed = await gql(REFRESH, {"r": tablet.refresh_token})
    assert "errors" not in refreshed  # the refresh keeps the device: revoked with it below
    old_token = tablet.token
    tablet.device.token = refreshed["data"]["refreshSession"]["token"]

    supervisor = await gql.login("supervisor1")
    body = await gql(REVOKE, {"c": tablet.device.client_id}, token=supervisor)
    assert body["data"]["revokeDevice"]["username"] == "staff1"

    # Before its last push: GraphQL, tus, /files and refresh already refuse it.
    for token in (old_token, tablet.token):
        me = _only_error(await gql(ME, token=token))
        assert me["extensions"]["code"] == "DEVICE_REVOKED"
        assert me["extensions"]["wipe"] is True
        assert me["message"] == REVOKED_MESSAGE
    pull = _only_error(await tablet.pull())
    assert pull["extensions"]["details"] == {"wipe": True, "finalPushAllowed": True}
    # The one last push is saved...
    last = await tablet.create_case()
    assert [r["status"] for r in last["data"]["push"]["results"]] == ["applied"]
    # ...and from then on nothing is accepted from this sign-in.
    await _refused_everywhere(client, tablet, "DEVICE_REVOKED", REVOKED_MESSAGE, location)


async def test_revoking_one_tablet_leaves_the_users_other_tablet_signed_in(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    lost, kept = await Tablet.sign_in(gql, "staff1"), await Tablet.sign_in(gql, "staff1")
    for tablet in (lost, kept):
        assert "errors" not in await tablet.pull()
    await _revoke(gql, lost.device.client_id)

    assert error_codes(await gql(ME, token=lost.token)) == ["DEVICE_REVOKED"]
    assert (await gql(ME, token=kept.token))["data"]["me"]["username"] == "staff1"
    assert "errors" not in await kept.create_case()
    assert "errors" not in await kept.pull()
    assert "errors" not in await gql(REFRESH, {"r": kept.refresh_token})
    upload = await _start_upload(client, kept.token)
    assert upload.status_code == 201, upload.text


async def test_a_new_sign_in_on_the_revoked_tablet_is_revoked_at_first_contact(
    gql: GraphQL,
) -> None:
    tablet = await Tablet.sign_in(gql, "staff1")
    assert "errors" not in await tablet.pull()
    await _revoke(gql, tablet.device.client_id)

    again = await Tablet.sign_in(gql, "staff1")  # same tablet, same client id, new sign-in
    again.device.client_id = tablet.device.client_id
    assert (await gql(ME, token=again.token))["data"]["me"]["username"] == "staff1"
    assert error_codes(await again.pull()) == ["DEVICE_REVOKED"]
    assert error_codes(await gql(ME, token=again.token)) == ["DEVICE_REVOKED"]
    assert error_codes(await gql(REFRESH, {"r": again.refresh_token})) == ["DEVICE_REVOKED"]


async def test_a_revoked_sign_in_under_a_new_client_id_is_still_refused(gql: GraphQL) -> None:
    tablet = await Tablet.sign_in(gql, "staff1")
    assert "errors" not in await tablet.pull()
    await _revoke(gql, tablet.device.client_id)
    tablet.device = Device(gql, tablet.token)  # a fresh client id, same token
    # One last push under the new id, then nothing.
    assert "errors" not in await tablet.create_case()
    assert error_codes(await tablet.create_case()) == ["DEVICE_REVOKED"]
    assert error_codes(await tablet.pull()) == ["DEVICE_REVOKED"]


async def test_disabled_user_is_refused_on_every_path_with_account_disabled(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    tablet = await Tablet.sign_in(gql, "staff2")
    assert "errors" not in await tablet.create_case()
    upload = await _start_upload(client, tablet.token)
    assert upload.status_code == 201, upload.text

    admin = await gql.login("admin")
    body = await gql(DISABLE, {"id": str(demo_user_id("staff2"))}, token=admin)
    assert body["data"]["disableUser"]["username"] == "staff2"
    await _refused_everywhere(
        client, tablet, "ACCOUNT_DISABLED", DISABLED_MESSAGE, upload.headers["location"]
    )


async def test_a_token_without_a_device_is_not_accepted(gql: GraphQL) -> None:
    settings = get_settings()
    token = tokens.issue(
        demo_user_id("staff1"), 0, "access", timedelta(minutes=5), settings.signing_key(), "d"
    )
    assert (await gql(ME, token=token))["data"]["me"]["username"] == "staff1"
    legacy = Token(
        sub=str(demo_user_id("staff1")),
        exp=datetime.now(UTC) + timedelta(minutes=5),
        extras={"kind": "access", "ver": 0},
    ).encode(settings.signing_key(), tokens.ALGORITHM)
    assert error_codes(await gql(ME, token=legacy)) == ["UNAUTHENTICATED"]
