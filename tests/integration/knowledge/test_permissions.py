from __future__ import annotations

from datetime import date

import pytest

from backend.accounts.service import get_user
from backend.demo.seed import demo_user_id
from backend.errors import DoorstepError
from backend.knowledge import service
from backend.knowledge.rules import article_content
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.knowledge.conftest import (
    CREATE,
    PUBLISH,
    SEARCH,
    UPDATE,
    Editor,
    article_input,
)

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize("username", ["staff1", "supervisor1", "employer1"])
async def test_only_admins_may_create_articles(gql: GraphQL, username: str) -> None:
    token = await gql.login(username)
    body = await gql(CREATE, {"input": article_input("标题", "正文")}, token=token)
    assert error_codes(body) == ["FORBIDDEN"]


async def test_field_staff_cannot_edit_or_publish(editor: Editor, gql: GraphQL) -> None:
    article = await editor.create("阳台防水维修须知", "正文")
    token = await gql.login("staff1")
    update = await gql(
        UPDATE, {"id": article["id"], "input": article_input("改", "改")}, token=token
    )
    assert error_codes(update) == ["FORBIDDEN"]
    publish = await gql(PUBLISH, {"id": article["id"]}, token=token)
    assert error_codes(publish) == ["FORBIDDEN"]
    unchanged = await editor.run(
        "query($id: ID!) { article(id: $id) { title status } }", {"id": article["id"]}
    )
    assert unchanged == {"title": "阳台防水维修须知", "status": "DRAFT"}


async def test_admin_creates_updates_and_publishes(editor: Editor) -> None:
    created = await editor.create(
        "阳台防水维修须知", "正文", tags=["阳台", "防水"], category="其他"
    )
    assert (created["version"], created["status"], created["publishedVersion"]) == (1, "DRAFT", 0)
    updated = await editor.update(
        created["id"], "阳台防水维修须知", "改过的正文", tags=["阳台", "防水"]
    )
    assert (updated["version"], updated["body"]) == (1, "改过的正文\n")
    published = await editor.publish(created["id"])
    assert (published["status"], published["publishedVersion"]) == ("PUBLISHED", 1)
    assert published["tags"] == ["阳台", "防水"]


async def test_invalid_category_is_a_validation_error(editor: Editor, gql: GraphQL) -> None:
    body = await gql(
        CREATE, {"input": article_input("标题", "正文", category="杂项")}, token=editor.token
    )
    assert error_codes(body) == ["VALIDATION_FAILED"]
    assert body["errors"][0]["extensions"]["field"] == "category"


async def test_every_signed_in_role_may_search_but_not_anonymous(gql: GraphQL) -> None:
    assert error_codes(await gql(SEARCH, {"q": "租房"})) == ["UNAUTHENTICATED"]
    for username in ("staff1", "employer1", "supervisor1"):
        body = await gql(SEARCH, {"q": "租房"}, token=await gql.login(username))
        assert body["data"]["knowledgeSearch"], username


async def test_service_refuses_editing_by_non_admins_too() -> None:
    staff = await get_user(demo_user_id("staff1"))
    assert staff is not None
    content = article_content(
        title="标题",
        body="正文",
        category="其他",
        tags=[],
        policy_refs=[],
        effective_date=date(2026, 1, 1),
    )
    with pytest.raises(DoorstepError) as raised:
        await service.create_article(staff, content)
    assert raised.value.code == "FORBIDDEN"
