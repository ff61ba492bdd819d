"""The inbox reaches devices by pull (also where Web Push cannot), with its cause or not at all."""

from __future__ import annotations

from typing import Any

import pytest

from backend.demo.seed import demo_user_id
from backend.jobs.tables import Job
from backend.notifications.service import notify
from backend.notifications.snapshot import InboxSnapshot
from backend.notifications.tables import Notification
from sync.changelog import changes as sync_changes
from sync.changelog.audience import Scope
from sync.changelog.tables import SyncChange
from tests.integration.conftest import GraphQL
from tests.integration.notifications.helpers import register
from tests.integration.notifications.push_service import BrowserSubscription

pytestmark = pytest.mark.usefixtures("demo_settled")

PULL = """query($clientId: ID!, $cursor: String) {
  pull(clientId: $clientId, cursor: $cursor) { cursor changes { entity id op version data } } }"""
MARK_READ = "mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { id } }"


async def pull_to_end(
    gql: GraphQL, token: str, client_id: str, cursor: str | None
) -> tuple[list[dict[str, Any]], str]:
    received: list[dict[str, Any]] = []
    while True:
        body = await gql(PULL, {"clientId": client_id, "cursor": cursor}, token=token)
        assert "errors" not in body, body
        page = body["data"]["pull"]
        received += page["changes"]
        if not page["changes"] or page["cursor"] == cursor:
            return received, page["cursor"]
        cursor = page["cursor"]


def inbox_changes(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in changes if c["entity"] == "inbox"]


async def test_a_notification_arrives_by_pull_for_its_owner_only(gql: GraphQL) -> None:
    token1, token2 = await gql.login("staff1"), await gql.login("staff2")
    _, cursor1 = await pull_to_end(gql, token1, "tablet-1", None)
    _, cursor2 = await pull_to_end(gql, token2, "tablet-2", None)

    await notify([demo_user_id("staff1")], "case_returned", "案件已退回",
                 "申请人 520201199001011237 材料不清", case_id=None)
    await notify([demo_user_id("staff2")], "case_approved", "别人的", "已批准")

    [change] = inbox_changes((await pull_to_end(gql, token1, "tablet-1", cursor1))[0])
    assert change["op"] == "put"
    assert change["version"] == 1
    data = change["data"]
    assert (data["kind"], data["title"], data["readAt"]) == ("case_returned", "案件已退回", None)
    assert "520201********1237" in data["body"]
    assert [c["data"]["title"] for c in inbox_changes(
        (await pull_to_end(gql, token2, "tablet-2", cursor2))[0])] == ["别人的"]


async def test_marking_read_reaches_the_users_other_devices(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    _, cursor = await pull_to_end(gql, token, "phone", None)
    await notify([demo_user_id("staff1")], "case_approved", "已批准", "案件已审核通过。")
    changes, cursor = await pull_to_end(gql, token, "phone", cursor)
    [created] = inbox_changes(changes)

    await gql(MARK_READ, {"ids": [created["id"]]}, token=token)
    [read] = inbox_changes((await pull_to_end(gql, token, "phone", cursor))[0])
    assert read["id"] == created["id"]
    assert read["version"] == 2
    assert read["data"]["readAt"] is not None


class CauseFailedError(Exception):
    pass


async def a_review_that_fails_after_notifying() -> None:
    async with sync_changes.write_transaction():
        await notify([demo_user_id("staff1")], "case_returned", "退回", "原因")
        raise CauseFailedError


async def test_a_notification_rolls_back_with_its_cause(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    await register(gql, token, BrowserSubscription("http://127.0.0.1:9/push/phone"))
    before = (await Notification.count(), await Job.count(),
              await SyncChange.count().where(SyncChange.entity == "inbox"))

    with pytest.raises(CauseFailedError):
        await a_review_that_fails_after_notifying()

    after = (await Notification.count(), await Job.count(),
             await SyncChange.count().where(SyncChange.entity == "inbox"))
    assert after == before


async def test_a_full_sync_pages_through_the_users_own_inbox() -> None:
    staff1 = demo_user_id("staff1")
    for n in range(5):
        await notify([staff1], "article_published", f"新文章 {n}", "知识库更新")
    await notify([demo_user_id("staff2")], "article_published", "别人的文章", "知识库更新")
    source, after, seen = InboxSnapshot(), "", []
    while True:
        page = await source.page(Scope(user_id=staff1), after, 2)
        seen += [c.data["title"] for c in page.changes if c.data and "文章" in c.data["title"]]
        if page.next_after is None:
            break
        after = page.next_after
    assert sorted(seen) == [f"新文章 {n}" for n in range(5)]
