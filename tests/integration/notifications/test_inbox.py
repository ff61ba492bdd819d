"""The inbox over GraphQL: newest first, in pages, only the caller's own; marking read."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from backend.demo.seed import demo_user_id
from backend.notifications.service import notify
from tests.integration.conftest import GraphQL, error_codes

pytestmark = pytest.mark.usefixtures("demo_settled")

INBOX = """query($first: Int, $after: String) {
  inbox(first: $first, after: $after) {
    edges { cursor node { id kind title body caseId createdAt readAt } }
    pageInfo { endCursor hasNextPage } } }"""
MARK_READ = "mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }"
UNREAD = "{ inboxUnreadCount }"
CASE = UUID("6f1c2a9e-0000-4000-8000-0000000000c2")


async def page(gql: GraphQL, token: str, first: int, after: str | None) -> dict[str, Any]:
    body = await gql(INBOX, {"first": first, "after": after}, token=token)
    assert "errors" not in body, body
    inbox: dict[str, Any] = body["data"]["inbox"]
    return inbox


async def whole_inbox(gql: GraphQL, token: str, first: int) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        current = await page(gql, token, first, after)
        nodes += [edge["node"] for edge in current["edges"]]
        if not current["pageInfo"]["hasNextPage"]:
            return nodes
        after = current["pageInfo"]["endCursor"]


async def test_the_inbox_lists_my_notifications_newest_first_in_pages(gql: GraphQL) -> None:
    staff1, staff2 = demo_user_id("staff1"), demo_user_id("staff2")
    for n in range(5):
        await notify([staff1], "case_returned", f"退回 {n}", f"原因 {n}", case_id=CASE)
    await notify([staff2], "case_approved", "别人的通知", "不应看到")
    token = await gql.login("staff1")
    mine = [n for n in await whole_inbox(gql, token, first=2) if n["title"].startswith("退回")]

    assert [n["title"] for n in mine] == ["退回 4", "退回 3", "退回 2", "退回 1", "退回 0"]
    assert all(n["caseId"] == str(CASE) and n["kind"] == "case_returned" for n in mine)
    assert all(n["readAt"] is None for n in mine)
    first_page = await page(gql, token, 2, None)
    assert len(first_page["edges"]) == 2
    assert first_page["pageInfo"]["hasNextPage"] is True
    assert first_page["pageInfo"]["endCursor"] == first_page["edges"][-1]["cursor"]


async def test_nobody_sees_another_users_inbox(gql: GraphQL) -> None:
    await notify([demo_user_id("staff2")], "case_approved", "别人的通知", "不应看到")
    token = await gql.login("staff1")
    titles = [n["title"] for n in await whole_inbox(gql, token, first=50)]
    assert "别人的通知" not in titles


async def test_one_notify_reaches_every_recipient_once(gql: GraphQL) -> None:
    staff1 = demo_user_id("staff1")
    await notify([staff1, staff1, demo_user_id("supervisor1")], "risk_flagged", "风险", "新提示")
    for username in ("staff1", "supervisor1"):
        token = await gql.login(username)
        titles = [n["title"] for n in await whole_inbox(gql, token, first=50)]
        assert titles.count("风险") == 1


async def test_marking_read_changes_only_my_own_items(gql: GraphQL) -> None:
    await notify([demo_user_id("staff1")], "case_approved", "我的", "已批准")
    await notify([demo_user_id("staff2")], "case_approved", "别人的", "已批准")
    token1, token2 = await gql.login("staff1"), await gql.login("staff2")
    [mine] = [n for n in await whole_inbox(gql, token1, 50) if n["title"] == "我的"]
    [theirs] = [n for n in await whole_inbox(gql, token2, 50) if n["title"] == "别人的"]
    unread_before = (await gql(UNREAD, token=token1))["data"]["inboxUnreadCount"]

    body = await gql(MARK_READ, {"ids": [mine["id"], theirs["id"]]}, token=token1)
    [marked] = body["data"]["markInboxRead"]
    assert marked["id"] == mine["id"]
    assert marked["readAt"] is not None
    assert (await gql(UNREAD, token=token1))["data"]["inboxUnreadCount"] == unread_before - 1
    [still_theirs] = [n for n in await whole_inbox(gql, token2, 50) if n["title"] == "别人的"]
    assert still_theirs["readAt"] is None

    again = await gql(MARK_READ, {"ids": [mine["id"]]}, token=token1)
    assert again["data"]["markInboxRead"] == [marked]  # marking twice keeps the first time


async def test_the_inbox_needs_a_signed_in_user(gql: GraphQL) -> None:
    body = await gql(INBOX, {"first": 5})
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_a_forged_cursor_or_page_size_is_a_bad_request(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    assert error_codes(await gql(INBOX, {"first": 5, "after": "garbage"}, token=token)) == [
        "BAD_REQUEST"]
    assert error_codes(await gql(INBOX, {"first": 0}, token=token)) == ["BAD_REQUEST"]


async def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="case_lost"):
        await notify([demo_user_id("staff1")], "case_lost", "标题", "正文")
