from __future__ import annotations

import pytest

from backend.accounts.service import get_user
from backend.demo.seed import demo_user_id
from backend.knowledge.seed import load_seed_articles
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.knowledge.conftest import READ, Editor, search


async def test_title_hit_ranks_above_body_hits(editor: Editor, gql: GraphQL) -> None:
    body_only = await editor.published(
        "房屋日常维护问答", "阳台漏水怎么办？阳台防水层老化时，阳台地面要重做防水。"
    )
    in_title = await editor.published("阳台防水维修须知", "施工前请与物业联系。")
    token = await gql.login("staff1")
    hits = await search(gql, token, "阳台")
    assert [hit["id"] for hit in hits[:2]] == [in_title["id"], body_only["id"]]


async def test_synonym_query_finds_an_article_worded_differently(
    editor: Editor, gql: GraphQL
) -> None:
    article = await editor.published("外墙保温常见问题", "租房的职工可以向房东了解外墙保温情况。")
    token = await gql.login("staff1")
    hits = await search(gql, token, "外墙 租赁")
    assert [hit["id"] for hit in hits] == [article["id"]]


async def test_hit_shows_version_effective_date_and_highlighted_snippet(
    editor: Editor, gql: GraphQL
) -> None:
    await editor.published(
        "外墙保温常见问题", "## 说明\n租房的职工**可以**向房东了解<外墙>保温情况。"
    )
    token = await gql.login("staff1")
    [hit] = await search(gql, token, "外墙保温")
    assert hit["version"] == 1
    assert hit["effectiveDate"] == "2026-03-01"
    assert hit["category"] == "其他"
    assert (
        hit["snippet"]
        == "说明 租房的职工可以向房东了解&lt;<mark>外墙</mark>&gt;<mark>保温</mark>情况。"
    )


async def test_draft_is_not_found_by_staff(editor: Editor, gql: GraphQL) -> None:
    draft = await editor.create("阳台防水维修须知", "草稿内容")
    token = await gql.login("staff1")
    assert await search(gql, token, "阳台防水") == []
    body = await gql(READ, {"id": draft["id"]}, token=token)
    assert error_codes(body) == ["NOT_FOUND"]
    # The editor still sees the draft.
    mine = await gql(READ, {"id": draft["id"]}, token=editor.token)
    assert mine["data"]["article"]["status"] == "DRAFT"


async def test_old_version_is_readable_exactly_as_it_was(editor: Editor, gql: GraphQL) -> None:
    first = await editor.published("阳台防水维修须知", "旧规定：每年检查一次。")
    await editor.update(
        first["id"],
        "阳台防水维修须知（修订）",
        "新规定：每半年检查一次。",
        effectiveDate="2026-09-20",
        changeNote="检查周期缩短",
    )
    await editor.publish(first["id"])
    token = await gql.login("staff1")

    old = (await gql(READ, {"id": first["id"], "version": 1}, token=token))["data"]["article"]
    assert (old["version"], old["title"], old["body"]) == (
        1,
        "阳台防水维修须知",
        "旧规定：每年检查一次。\n",
    )
    assert old["effectiveDate"] == "2026-03-01"
    current = (await gql(READ, {"id": first["id"]}, token=token))["data"]["article"]
    assert (current["version"], current["effectiveDate"]) == (2, "2026-09-20")
    assert [v["version"] for v in current["versions"]] == [1, 2]
    # Search answers from the published version only.
    [hit] = await search(gql, token, "阳台防水")
    assert (hit["version"], hit["title"]) == (2, "阳台防水维修须知（修订）")
    assert "每年" not in hit["snippet"]


async def test_publishing_a_new_version_leaves_the_old_one_untouched(
    editor: Editor, gql: GraphQL
) -> None:
    first = await editor.published("阳台防水维修须知", "第一版正文")
    before = await editor.run(READ, {"id": first["id"], "version": 1})
    draft = await editor.update(first["id"], "第二版标题", "第二版正文")
    assert (draft["version"], draft["status"]) == (2, "DRAFT")
    await editor.publish(first["id"])
    # Editing after publication opens version 3; versions 1 and 2 stay as published.
    third = await editor.update(first["id"], "第三版标题", "第三版正文")
    assert third["version"] == 3
    after = await editor.run(READ, {"id": first["id"], "version": 1})
    frozen = ("version", "status", "title", "body", "effectiveDate", "tags", "policyRefs")
    assert {key: after[key] for key in frozen} == {key: before[key] for key in frozen}
    second = await editor.run(READ, {"id": first["id"], "version": 2})
    assert (second["status"], second["title"]) == ("PUBLISHED", "第二版标题")
    assert second["publishedVersion"] == 2


async def test_publishing_without_a_draft_is_refused(editor: Editor, gql: GraphQL) -> None:
    article = await editor.published("阳台防水维修须知", "正文")
    body = await gql(
        "mutation($id: ID!) { publishArticle(id: $id) { id } }",
        {"id": article["id"]},
        token=editor.token,
    )
    assert error_codes(body) == ["INVALID_STATE"]


async def test_seed_articles_answer_common_questions(editor: Editor, gql: GraphQL) -> None:
    token = await gql.login("staff1")
    expectations = {
        "租房提取需要什么材料": "租房提取住房公积金（原因 07）",
        "退休了怎么取公积金": "离休、退休销户提取（原因 03）",
        "买房提取": "购买住房提取住房公积金（原因 01）",
        "上门核查流程": "上门核查（外勤）工作流程",
        "大病医疗": "大病医疗提取（原因 09）",
    }
    for question, title in expectations.items():
        hits = await search(gql, token, question, first=3)
        assert [h["title"] for h in hits][:1] == [title], (question, [h["title"] for h in hits])


@pytest.mark.usefixtures("demo")
async def test_loading_the_seed_again_creates_nothing() -> None:
    admin = await get_user(demo_user_id("admin"))
    assert admin is not None
    assert await load_seed_articles(admin) == []


async def test_search_syntax_in_a_query_is_treated_as_words(editor: Editor, gql: GraphQL) -> None:
    token = await gql.login("staff1")
    for query in ['"租房', "租房 OR NEAR(", "title:租房 *", "'; DROP TABLE kb_article; --", "！？"]:
        body = await gql(
            "query($q: String!) { knowledgeSearch(query: $q) { id } }", {"q": query}, token=token
        )
        assert "errors" not in body, (query, body)
