from __future__ import annotations

from typing import Any

import pytest

from backend.consultation.limits import address_refused
from backend.consultation.satisfaction import satisfaction_by_staff
from backend.demo.seed import demo_user_id
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.consultation.conftest import (
    ANSWER,
    QUEUE,
    TICKET,
    ask,
    data,
    put_on_duty,
)

pytestmark = pytest.mark.usefixtures("demo")

QUESTION = "租房可以提取公积金吗？我的身份证号是520201199001011237，电话13885861234"


async def test_member_question_gets_suggestions_and_a_ticket_that_shows_the_cited_answer(
    gql: GraphQL,
) -> None:
    asked = await ask(gql, QUESTION, "138 8586 1234")
    rent = next(hit for hit in asked["suggestions"] if "租房" in hit["title"])
    assert rent["version"] == 1
    assert len(asked["ticket"]) == 32
    waiting = data(await gql(TICKET, {"ticket": asked["ticket"]}))
    assert waiting == {"status": "open", "question": QUESTION, "answer": None}

    await put_on_duty(gql, "staff1")
    staff = await gql.login("staff1")
    [item] = [e["node"] for e in data(await gql(QUEUE, {}, token=staff))["edges"]]
    assert item["text"] == (
        "租房可以提取公积金吗？我的身份证号是520201********1237，电话138****1234"
    )
    assert item["contact"] == "138****1234"
    assert item["channel"] == "online"
    assert item["waitingSeconds"] >= 0
    answered = data(
        await gql(
            ANSWER,
            {
                "id": item["id"],
                "text": "可以，请准备无房证明和租赁合同。",
                "articleId": rent["id"],
                "version": 1,
            },
            token=staff,
        )
    )
    assert answered["status"] == "answered"
    assert answered["knowledgeGap"] is False

    shown = data(await gql(TICKET, {"ticket": asked["ticket"]}))
    assert shown["status"] == "answered"
    answer = shown["answer"]
    assert answer["text"] == "可以，请准备无房证明和租赁合同。"
    assert (answer["articleId"], answer["version"]) == (rent["id"], 1)
    assert answer["articleTitle"] == "租房提取住房公积金（原因 07）"
    assert "无房证明" in answer["passage"]  # the paragraph the answer draws on
    assert data(await gql(QUEUE, {}, token=staff))["edges"] == []

    rated = await gql(
        "mutation($t: String!) { rateConsultation(ticket: $t, rating: 4) }",
        {"t": asked["ticket"]},
    )
    assert data(rated) is True
    again = await gql(
        "mutation($t: String!) { rateConsultation(ticket: $t, rating: 5) }",
        {"t": asked["ticket"]},
    )
    assert error_codes(again) == ["CONFLICT"]
    month = await _month(gql, asked["ticket"])
    summary = (await satisfaction_by_staff(month))[demo_user_id("staff1")]
    assert (summary.ratings, summary.average, summary.by_kind) == (1, 4.0, {"consultation": 1})


async def _month(gql: GraphQL, ticket: str) -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m")


async def test_an_answer_in_own_words_is_a_knowledge_gap_for_the_editors(gql: GraphQL) -> None:
    asked = await ask(gql, "公积金卡丢了怎么办")
    await put_on_duty(gql, "staff2")
    staff = await gql.login("staff2")
    [item] = [e["node"] for e in data(await gql(QUEUE, {}, token=staff))["edges"]]
    answered = data(
        await gql(ANSWER, {"id": item["id"], "text": "请带身份证到柜台挂失。"}, token=staff)
    )
    assert answered["knowledgeGap"] is True
    shown = data(await gql(TICKET, {"ticket": asked["ticket"]}))["answer"]
    assert shown["articleId"] is None
    assert shown["text"] == "请带身份证到柜台挂失。"
    supervisor = await gql.login("supervisor1")
    from datetime import UTC, datetime

    gaps = data(
        await gql(
            "query($w: Date!) { knowledgeGaps(week: $w) { id text channel knowledgeGap } }",
            {"w": datetime.now(UTC).date().isoformat()},
            token=supervisor,
        )
    )
    assert [(g["id"], g["text"]) for g in gaps] == [(item["id"], "公积金卡丢了怎么办")]


async def test_a_ticket_shows_only_its_own_question(gql: GraphQL) -> None:
    mine = await ask(gql, "退休了怎么销户提取", "13900001111")
    await ask(gql, "租房提取要什么材料", "13900002222")
    shown = data(await gql(TICKET, {"ticket": mine["ticket"]}))
    assert shown["question"] == "退休了怎么销户提取"
    assert "contact" not in shown
    for wrong in (
        "",
        "x" * 32,
        mine["ticket"][:-1] + ("A" if mine["ticket"][-1] != "A" else "B"),
        mine["id"],
    ):
        assert error_codes(await gql(TICKET, {"ticket": wrong})) == ["NOT_FOUND"]


async def test_the_queue_and_answers_are_for_staff_only(gql: GraphQL) -> None:
    asked = await ask(gql, "退休了怎么销户提取")
    assert error_codes(await gql(QUEUE, {})) == ["UNAUTHENTICATED"]
    employer = await gql.login("employer1")
    assert error_codes(await gql(QUEUE, {}, token=employer)) == ["FORBIDDEN"]
    refused = await gql(ANSWER, {"id": asked["id"], "text": "x"}, token=employer)
    assert error_codes(refused) == ["FORBIDDEN"]


async def test_staff_off_duty_are_told_when_the_next_shift_begins_not_offered_the_queue(
    gql: GraphQL,
) -> None:
    asked = await ask(gql, "退休了怎么销户提取")
    staff = await gql.login("staff2")
    off_duty = await gql(QUEUE, {}, token=staff)
    assert error_codes(off_duty) == ["NOT_ON_DUTY"]
    assert "值班" in off_duty["errors"][0]["message"]
    assert off_duty["errors"][0]["extensions"]["details"] == {"nextDutyStart": None}
    claim = "mutation($id: ID!) { claimConsultation(id: $id) { status } }"
    assert error_codes(await gql(claim, {"id": asked["id"]}, token=staff)) == ["NOT_ON_DUTY"]
    refused = await gql(ANSWER, {"id": asked["id"], "text": "请到柜台办理。"}, token=staff)
    assert error_codes(refused) == ["NOT_ON_DUTY"]
    # What was answered stays readable; a supervisor may always step in.
    assert data(await gql(QUEUE, {"status": "answered"}, token=staff))["edges"] == []
    supervisor = await gql.login("supervisor1")
    assert data(await gql(claim, {"id": asked["id"]}, token=supervisor)) == {
        "status": "in_progress"
    }
    # Once on duty, the same staff member gets the queue.
    await put_on_duty(gql, "staff2")
    [item] = data(await gql(QUEUE, {}, token=staff))["edges"]
    assert item["node"]["id"] == asked["id"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("问" * 501, "TEXT_TOO_LONG"),
        ("租房\x00提取", "TEXT_NOT_PLAIN"),
        ("\x89PNG\r\n\x1a\n\x00\x00", "TEXT_NOT_PLAIN"),
        ("   ", "VALIDATION_FAILED"),
    ],
)
async def test_oversize_binary_or_empty_questions_are_refused_in_chinese(
    gql: GraphQL, text: str, code: str
) -> None:
    body = await gql("mutation($t: String!) { askQuestion(text: $t) { id } }", {"t": text})
    assert error_codes(body) == [code]
    message: str = body["errors"][0]["message"]
    assert any("\u4e00" <= char <= "\u9fff" for char in message), message


async def test_markup_is_stripped_from_questions(gql: GraphQL) -> None:
    asked = await ask(gql, "<b>租房</b>提取<script>alert(1)</script><img src=x onerror=alert(1)>吗")
    shown = data(await gql(TICKET, {"ticket": asked["ticket"]}))
    assert shown["question"] == "租房 提取 吗"


async def test_questions_beyond_the_address_limit_are_throttled(gql: GraphQL, limits: Any) -> None:
    limits(3, 100)
    for _ in range(3):
        await ask(gql, "租房提取要什么材料")
    refused = await gql('mutation { askQuestion(text: "租房提取要什么材料") { id } }')
    assert error_codes(refused) == ["RATE_LIMITED"]
    assert refused["errors"][0]["extensions"]["details"]["retryAfterSeconds"] > 0


async def test_questions_beyond_the_phone_limit_are_throttled_for_that_phone_only(
    gql: GraphQL, limits: Any
) -> None:
    limits(100, 2)
    for _ in range(2):
        await ask(gql, "租房提取要什么材料", "13885861234")
    refused = await gql('mutation { askQuestion(text: "租房", contact: "13885861234") { id } }')
    assert error_codes(refused) == ["PHONE_RATE_LIMITED"]
    await ask(gql, "租房提取要什么材料", "13900001111")


async def test_a_flooding_address_is_refused_without_a_write_once_refused(
    gql: GraphQL, limits: Any
) -> None:
    from backend.throttling.tables import RateWindow

    limits(2, 100)
    for _ in range(2):
        await ask(gql, "租房提取要什么材料")
    flood = 'mutation { askQuestion(text: "租房") { id } }'
    assert error_codes(await gql(flood)) == ["RATE_LIMITED"]
    counted = await RateWindow.select(RateWindow.hits)
    for _ in range(10):  # within the edge's burst: none is held (public_guard.RefusalPace)
        assert error_codes(await gql(flood)) == ["RATE_LIMITED"]
    assert await RateWindow.select(RateWindow.hits) == counted


async def test_a_refused_address_is_turned_away_at_the_edge_before_parsing(
    gql: GraphQL, limits: Any, client: Any
) -> None:
    """Once refused, the address's public questions are answered by the edge guard: a
    document that would fail validation gets RATE_LIMITED, so it was never validated.
    Its other public reads, signed-in calls and other addresses go on as before."""
    limits(2, 100)
    for _ in range(2):
        asked = await ask(gql, "租房提取要什么材料")
    assert error_codes(await gql('mutation { askQuestion(text: "租房") { id } }')) == [
        "RATE_LIMITED"
    ]
    invalid = 'mutation { askQuestion(text: "租房") { noSuchField } }'
    response = await client.post("/graphql", json={"query": invalid})
    assert response.status_code == 200
    assert error_codes(response.json()) == ["RATE_LIMITED"]
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["errors"][0]["extensions"]["details"]["retryAfterSeconds"] > 0
    fragment = "mutation { ...Ask } fragment Ask on Mutation { askQuestion(text: 1) { id } }"
    assert error_codes((await client.post("/graphql", json={"query": fragment})).json()) == [
        "RATE_LIMITED"
    ]
    # The ticket page of the same address still opens (another limit), and still validates.
    assert data(await gql(TICKET, {"ticket": asked["ticket"]}))["status"] == "open"
    assert error_codes(await gql("query { consultation(ticket: 1) { status } }")) == [
        "BAD_REQUEST"
    ]
    await put_on_duty(gql, "staff1")
    staff = await gql.login("staff1")
    assert data(await gql(QUEUE, {}, token=staff))["edges"]
    assert address_refused("testclient")
    assert not address_refused("10.9.9.9")
