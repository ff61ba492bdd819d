"""Published articles reach devices through pull (entity "article", for everyone)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.accounts.service import get_user
from backend.demo.seed import demo_user_id
from backend.knowledge import service
from backend.knowledge.models import ArticleContent
from backend.knowledge.rules import article_content
from backend.knowledge.snapshot import KnowledgeSnapshot
from sync.changelog.audience import Scope
from tests.integration.conftest import GraphQL
from tests.integration.knowledge.conftest import Editor
from tests.integration.sync.device import Device


async def test_publishing_sends_the_article_to_every_users_device(
    editor: Editor, gql: GraphQL
) -> None:
    staff = Device(gql, await gql.login("staff1"))
    employer = Device(gql, await gql.login("employer1"))
    await staff.sync()
    await employer.sync()
    draft = await editor.create("阳台防水维修须知", "第一版正文", tags=["阳台"])
    assert not [c for c in await staff.sync() if c["entity"] == "article"]  # drafts stay home

    await editor.publish(draft["id"])
    for device in (staff, employer):
        [change] = [c for c in await device.sync() if c["entity"] == "article"]
        assert (change["id"], change["op"], change["version"]) == (draft["id"], "put", 1)
        assert change["data"]["title"] == "阳台防水维修须知"
        assert change["data"]["effectiveDate"] == "2026-03-01"
        assert change["data"]["tags"] == ["阳台"]


async def test_a_new_version_reaches_devices_with_a_higher_version(
    editor: Editor, gql: GraphQL
) -> None:
    first = await editor.published("阳台防水维修须知", "第一版正文")
    staff = Device(gql, await gql.login("staff1"))
    await staff.sync()
    await editor.update(first["id"], "阳台防水维修须知", "第二版正文")
    await editor.publish(first["id"])
    [change] = [c for c in await staff.sync() if c["entity"] == "article"]
    assert (change["version"], change["data"]["body"]) == (2, "第二版正文\n")


@pytest.mark.usefixtures("demo")
async def test_full_sync_source_pages_through_current_published_versions() -> None:
    admin = await get_user(demo_user_id("admin"))
    assert admin is not None

    def content(title: str) -> ArticleContent:
        return article_content(
            title=title,
            body="正文",
            category="其他",
            tags=[],
            policy_refs=[],
            effective_date=date(2026, 1, 1),
        )

    draft = await service.create_article(admin, content("草稿"))
    revised = await service.create_article(admin, content("修订前"))
    await service.publish_article(admin, revised.current.article_id)
    await service.update_article(admin, revised.current.article_id, content("修订后"))
    await service.publish_article(admin, revised.current.article_id)

    source = KnowledgeSnapshot()
    scope = Scope(user_id=demo_user_id("staff1"))
    received, after = [], ""
    while True:
        page = await source.page(scope, after, 10)
        received += page.changes
        if page.next_after is None:
            break
        after = page.next_after
    by_id = {change.id: change for change in received}
    assert str(draft.current.article_id) not in by_id
    revised_change = by_id[str(revised.current.article_id)]
    assert revised_change.version == 2
    assert (revised_change.data or {})["title"] == "修订后"
    assert len(received) == len(by_id) >= 36  # the seed articles and the revised one
