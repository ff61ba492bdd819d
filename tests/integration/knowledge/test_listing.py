from __future__ import annotations

from tests.integration.conftest import GraphQL, error_codes
from tests.integration.knowledge.conftest import Editor

LIST = """query($category: String, $first: Int) {
  knowledgeArticles(category: $category, first: $first) { id version status title category }
}"""


async def test_staff_list_published_articles_and_editors_also_drafts(
    editor: Editor, gql: GraphQL
) -> None:
    published = await editor.published("阳台防水维修须知", "第一版")
    await editor.update(published["id"], "阳台防水维修须知（修订中）", "第二版草稿")
    draft = await editor.create("外墙保温常见问题", "草稿", category="其他")

    staff = await gql(LIST, {"category": "其他", "first": 100}, token=await gql.login("staff1"))
    listed = {a["id"]: a for a in staff["data"]["knowledgeArticles"]}
    assert draft["id"] not in listed
    assert (listed[published["id"]]["version"], listed[published["id"]]["status"]) == (
        1,
        "PUBLISHED",
    )

    mine = await gql(LIST, {"category": "其他", "first": 100}, token=editor.token)
    rows = [a for a in mine["data"]["knowledgeArticles"] if a["id"] == published["id"]]
    assert [(a["version"], a["status"]) for a in rows] == [(2, "DRAFT")]
    assert draft["id"] in {a["id"] for a in mine["data"]["knowledgeArticles"]}


async def test_listing_filters_by_category(editor: Editor, gql: GraphQL) -> None:
    body = await gql(LIST, {"category": "贷款", "first": 100}, token=editor.token)
    categories = {a["category"] for a in body["data"]["knowledgeArticles"]}
    assert categories == {"贷款"}
    bad = await gql(LIST, {"category": "杂项"}, token=editor.token)
    assert error_codes(bad) == ["VALIDATION_FAILED"]
