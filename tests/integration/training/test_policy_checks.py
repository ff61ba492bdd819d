"""Must-know article versions: inbox with the changes, acknowledgement with answers, and
who has not yet acknowledged the version in force."""

from __future__ import annotations

import pytest

from tests.integration.conftest import GraphQL, error_codes

CREATE = """mutation($c: ArticleInput!) { createArticle(input: $c) { id } }"""
UPDATE = """mutation($id: ID!, $c: ArticleInput!) { updateArticle(id: $id, input: $c) { id } }"""
PUBLISH = """mutation($id: ID!) { publishArticle(id: $id) { id } }"""
REQUIRE = """mutation($a: ID!, $v: Int!, $q: JSON) {
  requirePolicyCheck(articleId: $a, version: $v, questions: $q, dueDays: 5) { version } }"""
CHECKS = """query { policyChecks { articleId version title dueDays questions { question options }
  changes { op text } acknowledgedAt passed } }"""
ACK = """mutation($a: ID!, $v: Int!, $x: JSON) {
  acknowledgeArticle(id: $a, version: $v, answers: $x) { passed } }"""
STATUS = """query($a: ID!) { policyCheckStatus(articleId: $a) {
  version unacknowledged { username } } }"""
INBOX = "query { inbox(first: 50) { edges { node { kind title body } } } }"
RECORD = "query { trainingRecord { acknowledgements { articleId version passed at } } }"
QUESTIONS = [{"question": "租房提取每年几次？", "options": ["一次", "两次"], "answer": "两次"}]


def content(body: str) -> dict[str, object]:
    return {"title": "租房提取规定", "body": body, "category": "提取", "tags": [],
            "policyRefs": [], "effectiveDate": "2026-12-01", "changeNote": ""}


async def article_with_two_versions(gql: GraphQL, admin: str) -> str:
    body = await gql(CREATE, {"c": content("每年可提取一次。\n限额 12000 元。")}, admin)
    assert "errors" not in body, body
    article = body["data"]["createArticle"]["id"]
    await gql(PUBLISH, {"id": article}, admin)
    body = await gql(UPDATE, {"id": article, "c": content("每年可提取两次。\n限额 12000 元。")},
                     admin)
    assert "errors" not in body, body
    assert "errors" not in await gql(PUBLISH, {"id": article}, admin)
    return str(article)


@pytest.mark.usefixtures("demo")
async def test_staff_acknowledge_a_must_know_version_and_supervisors_see_who_has_not(
    gql: GraphQL,
) -> None:
    admin, supervisor = await gql.login("admin"), await gql.login("supervisor1")
    staff1, staff2 = await gql.login("staff1"), await gql.login("staff2")
    article = await article_with_two_versions(gql, admin)
    assert error_codes(await gql(REQUIRE, {"a": article, "v": 2}, staff1)) == ["FORBIDDEN"]
    body = await gql(REQUIRE, {"a": article, "v": 2, "q": QUESTIONS}, admin)
    assert body["data"]["requirePolicyCheck"]["version"] == 2, body
    assert error_codes(await gql(REQUIRE, {"a": article, "v": 2}, admin)) == ["CONFLICT"]

    inbox = [e["node"] for e in (await gql(INBOX, token=staff1))["data"]["inbox"]["edges"]]
    entry = next(i for i in inbox if i["kind"] == "policy_check")
    assert "租房提取规定" in entry["title"]
    assert "删除：每年可提取一次。" in entry["body"]
    assert "新增：每年可提取两次。" in entry["body"]

    checks = (await gql(CHECKS, token=staff1))["data"]["policyChecks"]
    assert len(checks) == 1
    check = checks[0]
    assert (check["version"], check["dueDays"], check["acknowledgedAt"]) == (2, 5, None)
    assert check["questions"] == [{"question": "租房提取每年几次？", "options": ["一次", "两次"]}]
    assert [c for c in check["changes"] if c["op"] != "equal"] == [
        {"op": "delete", "text": "每年可提取一次。"}, {"op": "insert", "text": "每年可提取两次。"}]

    status = (await gql(STATUS, {"a": article}, supervisor))["data"]["policyCheckStatus"]
    assert status["version"] == 2
    assert {"staff1", "staff2"} <= {u["username"] for u in status["unacknowledged"]}

    body = await gql(ACK, {"a": article, "v": 2, "x": ["两次"]}, staff1)
    assert body["data"]["acknowledgeArticle"]["passed"] is True, body
    body = await gql(ACK, {"a": article, "v": 2, "x": ["一次"]}, staff2)
    assert body["data"]["acknowledgeArticle"]["passed"] is False
    assert error_codes(await gql(ACK, {"a": article, "v": 1}, staff1)) == ["NOT_FOUND"]

    status = (await gql(STATUS, {"a": article}, supervisor))["data"]["policyCheckStatus"]
    assert not {"staff1", "staff2"} & {u["username"] for u in status["unacknowledged"]}
    acks = (await gql(RECORD, token=staff1))["data"]["trainingRecord"]["acknowledgements"]
    assert [(a["articleId"], a["version"], a["passed"]) for a in acks] == [(article, 2, True)]
    checks = (await gql(CHECKS, token=staff1))["data"]["policyChecks"]
    assert checks[0]["acknowledgedAt"] is not None
    assert checks[0]["passed"] is True
