from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.integration.conftest import GraphQL, error_codes
from tests.integration.consultation.conftest import (
    ANSWER,
    CONSISTENCY,
    LOG,
    QUEUE,
    ask,
    data,
    published_article,
    put_on_duty,
)
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


async def test_one_question_on_three_channels_from_two_articles_is_reported(
    gql: GraphQL,
) -> None:
    admin = await gql.login("admin")
    rent = await published_article(gql, admin, "租房提取须知", "租房可以提取公积金，需要租赁合同。")
    other = await published_article(gql, admin, "提取业务总览", "提取公积金的各种情形。")
    staff = await gql.login("staff1")
    hotline = await gql(
        LOG,
        {
            "channel": "hotline",
            "question": "租房能不能提取公积金？",
            "articleId": rent["id"],
            "version": 1,
            "answer": "可以",
        },
        token=staff,
    )
    assert data(hotline)["channel"] == "hotline"
    window = await gql(
        LOG,
        {
            "channel": "window",
            "question": "请问租房能提取公积金吗",
            "articleId": other["id"],
            "answer": "可以",
        },
        token=staff,
    )
    assert data(window)["status"] == "answered"
    await ask(gql, "租房能提取公积金吗")
    await put_on_duty(gql, "staff1")
    [waiting] = [e["node"] for e in data(await gql(QUEUE, {}, token=staff))["edges"]]
    data(
        await gql(
            ANSWER, {"id": waiting["id"], "text": "可以", "articleId": rent["id"]}, token=staff
        )
    )
    await gql(LOG, {"channel": "hotline", "question": "退休销户提取怎么办理"}, token=staff)

    supervisor = await gql.login("supervisor1")
    groups = data(await gql(CONSISTENCY, {"from": _today(), "to": _today()}, token=supervisor))
    assert len(groups) == 1
    [group] = groups
    assert sorted(group["channels"]) == ["hotline", "online", "window"]
    assert group["count"] == 3
    assert group["reasons"] == ["different_articles"]
    assert {(a["articleId"], a["version"], a["count"]) for a in group["articles"]} == {
        (rent["id"], 1, 2),
        (other["id"], 1, 1),
    }


async def test_an_answer_from_an_outdated_version_is_reported(gql: GraphQL) -> None:
    admin = await gql.login("admin")
    rent = await published_article(gql, admin, "租房提取须知", "旧规定：每年提取一次。")
    staff = await gql.login("staff1")
    await gql(
        LOG,
        {
            "channel": "window",
            "question": "租房提取一年几次",
            "articleId": rent["id"],
            "version": 1,
        },
        token=staff,
    )
    await gql(
        """mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) {
          id } }""",
        {
            "id": rent["id"],
            "input": {
                "title": "租房提取须知",
                "body": "新规定：每季度一次。",
                "category": "提取",
                "effectiveDate": "2026-06-01",
            },
        },
        token=admin,
    )
    await gql(
        "mutation($id: ID!) { publishArticle(id: $id) { version } }",
        {"id": rent["id"]},
        token=admin,
    )
    await gql(
        LOG,
        {"channel": "hotline", "question": "租房提取一年几次？", "articleId": rent["id"]},
        token=staff,
    )
    [group] = data(await gql(CONSISTENCY, {"from": _today(), "to": _today()}, token=admin))
    assert group["reasons"] == ["outdated_version"]
    assert {(a["version"], a["outdated"]) for a in group["articles"]} == {(1, True), (2, False)}


async def test_logging_needs_a_known_channel_and_a_published_version(gql: GraphQL) -> None:
    staff = await gql.login("staff1")
    wrong = await gql(LOG, {"channel": "online", "question": "租房"}, token=staff)
    assert error_codes(wrong) == ["VALIDATION_FAILED"]
    missing = await gql(
        LOG, {"channel": "window", "question": "租房", "articleId": new_id()}, token=staff
    )
    assert error_codes(missing) == ["NOT_FOUND"]
    employer = await gql.login("employer1")
    assert error_codes(
        await gql(LOG, {"channel": "window", "question": "租房"}, token=employer)
    ) == ["FORBIDDEN"]
    field_staff = await gql.login("staff1")
    refused = await gql(CONSISTENCY, {"from": _today(), "to": _today()}, token=field_staff)
    assert error_codes(refused) == ["FORBIDDEN"]


async def test_a_question_logged_offline_during_a_visit_arrives_once(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    log_id = new_id()
    args = {
        "id": log_id,
        "channel": "visit",
        "question": "上门时问：租房怎么提取",
        "answer": "按原因 07 办理",
        "at": "2026-01-05T10:00:00+08:00",
    }
    first = await device.push(device.mutation("logConsultation", args))
    assert first["results"][0]["status"] == "applied"
    again = await device.push(device.mutation("logConsultation", args))
    assert again["results"][0]["error"]["code"] == "CONFLICT"
    supervisor = await gql.login("supervisor1")
    gaps = data(
        await gql('query { knowledgeGaps(week: "2026-01-07") { id channel } }', token=supervisor)
    )
    assert gaps == [{"id": log_id, "channel": "visit"}]
