"""Registering and removing push subscriptions; where the server may send pushes."""

from __future__ import annotations

import pytest

from backend.accounts.service import get_user
from backend.demo.seed import demo_user_id
from backend.errors import DoorstepError, ErrorCode
from backend.notifications.service import register_push_subscription
from backend.notifications.tables import PushSubscription
from backend.settings import Settings
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.notifications.helpers import register
from tests.integration.notifications.push_service import BrowserSubscription

pytestmark = pytest.mark.usefixtures("demo_settled")

UNREGISTER = "mutation($e: String!) { unregisterPushSubscription(endpoint: $e) }"


def production() -> Settings:
    return Settings(mode="production", secret_key="k" * 40,
                    database_url="postgresql://postgres@127.0.0.1:5432/unused")


async def test_registering_the_same_endpoint_again_keeps_one_subscription(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    browser = BrowserSubscription("http://127.0.0.1:9/push/phone")
    first = await register(gql, token, browser)
    second = await register(gql, token, browser)
    assert first["data"]["registerPushSubscription"]["id"] == (
        second["data"]["registerPushSubscription"]["id"])
    assert await PushSubscription.count() == 1


async def test_a_device_that_changes_hands_moves_its_subscription(gql: GraphQL) -> None:
    browser = BrowserSubscription("http://127.0.0.1:9/push/shared-tablet")
    await register(gql, await gql.login("staff1"), browser)
    await register(gql, await gql.login("staff2"), browser)
    rows = await PushSubscription.select(PushSubscription.user_id)
    assert [row["user_id"] for row in rows] == [demo_user_id("staff2")]


async def test_only_the_owner_can_unregister_a_subscription(gql: GraphQL) -> None:
    browser = BrowserSubscription("http://127.0.0.1:9/push/phone")
    owner = await gql.login("staff1")
    await register(gql, owner, browser)
    other = await gql(UNREGISTER, {"e": browser.endpoint}, token=await gql.login("staff2"))
    assert other["data"]["unregisterPushSubscription"] is False
    assert await PushSubscription.count() == 1
    mine = await gql(UNREGISTER, {"e": browser.endpoint}, token=owner)
    assert mine["data"]["unregisterPushSubscription"] is True
    assert await PushSubscription.count() == 0


async def test_a_push_endpoint_on_another_host_over_http_is_refused_with_a_code(
    gql: GraphQL,
) -> None:
    body = await register(gql, await gql.login("staff1"),
                          BrowserSubscription("http://push.example.com/p"))
    assert error_codes(body) == ["PUSH_ENDPOINT_INVALID"]
    assert body["errors"][0]["message"] == "推送地址无效，无法开启消息推送。"
    assert await PushSubscription.count() == 0


async def test_keys_that_are_not_a_browsers_are_refused_with_a_code(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    body = await gql(
        "mutation { registerPushSubscription(endpoint: \"https://push.example.com/p\","
        " p256dh: \"abc\", auth: \"def\") { id } }", token=token)
    assert error_codes(body) == ["PUSH_KEYS_INVALID"]


async def test_production_refuses_an_http_push_endpoint_even_on_loopback() -> None:
    user = await get_user(demo_user_id("staff1"))
    assert user is not None
    browser = BrowserSubscription("http://127.0.0.1:8080/push/phone")
    with pytest.raises(DoorstepError) as caught:
        await register_push_subscription(
            user, browser.endpoint, browser.p256dh, browser.auth, production())
    assert caught.value.code is ErrorCode.PUSH_ENDPOINT_INVALID
    assert await PushSubscription.count() == 0


async def test_production_accepts_a_push_service_over_https() -> None:
    user = await get_user(demo_user_id("staff1"))
    assert user is not None
    browser = BrowserSubscription("https://fcm.googleapis.com/fcm/send/abc:def")
    await register_push_subscription(
        user, browser.endpoint, browser.p256dh, browser.auth, production())
    assert await PushSubscription.count() == 1


async def test_subscribing_needs_a_signed_in_user(gql: GraphQL) -> None:
    body = await register(gql, "", BrowserSubscription("http://127.0.0.1:9/push/x"))
    assert error_codes(body) == ["UNAUTHENTICATED"]
