from __future__ import annotations

from typing import Any

import pytest

from backend.accounts import service
from backend.demo.seed import DEMO_PASSWORD
from backend.settings import get_settings
from tests.integration.conftest import GraphQL, error_codes

pytestmark = pytest.mark.usefixtures("demo")

LOGIN = """mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { token refreshToken user { id username role displayName } }
}"""
ME = "{ me { id username role displayName } }"


async def test_staff_logs_in_and_reads_me(gql: GraphQL) -> None:
    body = await gql(LOGIN, {"u": "staff1", "p": DEMO_PASSWORD})
    login = body["data"]["login"]
    assert login["user"]["username"] == "staff1"
    assert login["user"]["role"] == "FIELD_STAFF"
    me = await gql(ME, token=login["token"])
    assert me["data"]["me"]["displayName"] == login["user"]["displayName"]


async def test_me_without_token_is_unauthenticated_in_chinese(gql: GraphQL) -> None:
    body = await gql(ME)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["errors"][0]["message"] == "请先登录。"


async def test_forged_token_is_unauthenticated(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    body = await gql(ME, token=token[:-4] + "AAAA")
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_wrong_password_gets_invalid_credentials(gql: GraphQL) -> None:
    body = await gql(LOGIN, {"u": "staff1", "p": "wrong"})
    assert error_codes(body) == ["INVALID_CREDENTIALS"]
    assert body["data"] is None


async def test_unknown_user_gets_the_same_error_as_a_wrong_password(gql: GraphQL) -> None:
    body = await gql(LOGIN, {"u": "nobody", "p": "wrong"})
    assert error_codes(body) == ["INVALID_CREDENTIALS"]


async def test_sixth_wrong_try_in_a_minute_is_throttled(gql: GraphQL) -> None:
    for _ in range(5):
        assert error_codes(await gql(LOGIN, {"u": "staff2", "p": "wrong"})) == [
            "INVALID_CREDENTIALS"
        ]
    throttled = await gql(LOGIN, {"u": "staff2", "p": "wrong"})
    assert error_codes(throttled) == ["TOO_MANY_ATTEMPTS"]
    # Even the right password waits until the window has passed.
    assert error_codes(await gql(LOGIN, {"u": "staff2", "p": DEMO_PASSWORD})) == [
        "TOO_MANY_ATTEMPTS"
    ]
    # Other accounts are not affected by staff2's failures.
    assert "errors" not in await gql(LOGIN, {"u": "staff1", "p": DEMO_PASSWORD})


async def test_refresh_token_gives_a_new_working_access_token(gql: GraphQL) -> None:
    body = await gql(LOGIN, {"u": "supervisor1", "p": DEMO_PASSWORD})
    refresh = body["data"]["login"]["refreshToken"]
    renewed = await gql(
        "mutation($r: String!) { refreshSession(refreshToken: $r) { token user { username } } }",
        {"r": refresh},
    )
    token = renewed["data"]["refreshSession"]["token"]
    assert (await gql(ME, token=token))["data"]["me"]["username"] == "supervisor1"


async def test_access_token_cannot_be_used_as_refresh_token(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    body = await gql(
        "mutation($r: String!) { refreshSession(refreshToken: $r) { token } }", {"r": token}
    )
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_logout_revokes_every_token_of_the_user(gql: GraphQL) -> None:
    first = await gql.login("staff1")
    second = await gql.login("staff1")
    assert (await gql("mutation { logout }", token=first))["data"]["logout"] is True
    assert error_codes(await gql(ME, token=second)) == ["UNAUTHENTICATED"]


async def test_expired_token_is_refused() -> None:
    import asyncio
    from datetime import timedelta

    from backend.accounts import tokens
    from backend.demo.seed import demo_user_id
    from backend.errors import DoorstepError

    settings = get_settings()
    expired = tokens.issue(
        demo_user_id("staff1"), 0, "access", timedelta(seconds=1), settings.signing_key(), "d"
    )
    await asyncio.sleep(1.2)
    with pytest.raises(DoorstepError) as raised:
        await service.user_for_token(expired, settings)
    assert raised.value.code == "UNAUTHENTICATED"
    assert "过期" in raised.value.message


async def test_disabled_account_cannot_log_in(gql: GraphQL) -> None:
    from backend.accounts import queries
    from backend.demo.seed import demo_user_id

    await queries.set_active(demo_user_id("staff2"), False)
    body: dict[str, Any] = await gql(LOGIN, {"u": "staff2", "p": DEMO_PASSWORD})
    assert error_codes(body) == ["ACCOUNT_DISABLED"]
