"""Drills through GraphQL and sync: start, work (pushed), finish, score, and isolation of
practice cases from real work (queues, lists, metrics, notifications, submission)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.training.drills import generate_drills
from tests.integration.conftest import GraphQL, error_codes

DRILLS = "query { drills(first: 10) { id title kind documentCount } }"
START = "mutation($id: ID!) { startDrill(id: $id) { attemptId caseId } }"
FINISH = """mutation($a: ID!) { finishDrill(attemptId: $a) { score maxScore
  missed { kind key expected given explanation articleId } } }"""
PUSH = """mutation($input: PushInput!) {
  push(input: $input) { results { id status error { code message } } } }"""
CASE = "query($id: ID!) { case(id: $id) { practice status documents { docType status } } }"
CASES = "query { cases(first: 100) { edges { node { id practice } } } }"
RECORD = """query($u: ID) { trainingRecord(userId: $u) {
  attempts { drillId score maxScore finishedAt } acknowledgements { articleId } } }"""
ANALYSIS = "query { drillAnalysis { user { username } kind key label missed attempts } }"
INBOX = "query { inbox(first: 100) { edges { node { kind caseId } } } }"
METRICS = """query($from: Date!, $to: Date!) { staffMetrics(from: $from, to: $to) {
  staff { username } submitted } }"""


async def push(gql: GraphQL, token: str, *mutations: tuple[str, dict[str, Any]]) -> list[Any]:
    batch = [{"id": i + 1, "name": n, "args": a} for i, (n, a) in enumerate(mutations)]
    body = await gql(PUSH, {"input": {"clientId": str(uuid.uuid4()), "protocolVersion": 1,
                                      "mutations": batch}}, token)
    assert "errors" not in body, body
    return list(body["data"]["push"]["results"])


async def one_drill(gql: GraphQL, token: str, risks_index: int = 1) -> dict[str, Any]:
    """Generated drill number ``risks_index`` of the cycle (1: an expired certificate)."""
    made = await generate_drills(1, seed=4242, first_mix=risks_index)
    assert made[0].key.flags  # the seed's drill has a planted risk
    body = await gql(DRILLS, token=token)
    assert "errors" not in body, body
    rows = {row["id"]: row for row in body["data"]["drills"]}
    return {"row": rows[str(made[0].id)], "drill": made[0]}


@pytest.mark.usefixtures("demo")
async def test_a_drill_is_worked_like_a_case_and_scored_against_its_key(gql: GraphQL) -> None:
    staff = await gql.login("staff1")
    found = await one_drill(gql, staff)
    drill = found["drill"]
    assert found["row"]["documentCount"] == len(drill.photos) == 4
    started = (await gql(START, {"id": found["row"]["id"]}, staff))["data"]["startDrill"]
    case = (await gql(CASE, {"id": started["caseId"]}, staff))["data"]["case"]
    assert case["practice"] is True
    assert case["status"] == "draft"
    assert [d["status"] for d in case["documents"]] == ["uploaded"] * 4

    # Everything right but one field, and the wrong decision.
    fields = dict(drill.key.fields)
    fields["name"] = fields["name"] + "某"
    results = await push(
        gql, staff,
        ("updateCase", {"id": started["caseId"], "fields": fields}),
        ("answerDrill", {"attemptId": started["attemptId"], "flags": list(drill.key.flags),
                         "decision": "APPROVE"}),
        ("submitCase", {"id": started["caseId"]}),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["error"]["code"] == "INVALID_STATE"  # a practice case is never submitted

    body = await gql(FINISH, {"a": started["attemptId"]}, staff)
    assert "errors" not in body, body
    result = body["data"]["finishDrill"]
    expected_max = len(drill.key.fields) + len(drill.key.flags) + 2
    assert result["maxScore"] == expected_max
    assert result["score"] == expected_max - 1 - 2
    missed = {(m["kind"], m["key"]): m for m in result["missed"]}
    assert set(missed) == {("field", "name"), ("decision", "decision")}
    assert missed[("field", "name")]["expected"] == drill.key.fields["name"]
    assert missed[("field", "name")]["given"] == fields["name"]
    assert missed[("field", "name")]["articleId"]  # the seeded identity-check article
    assert missed[("decision", "decision")]["expected"] == "退回"

    assert error_codes(await gql(FINISH, {"a": started["attemptId"]}, staff)) == ["INVALID_STATE"]
    record = (await gql(RECORD, {"u": None}, staff))["data"]["trainingRecord"]
    assert [(a["drillId"], a["score"]) for a in record["attempts"]] == [
        (str(drill.id), expected_max - 3)]

    supervisor = await gql.login("supervisor1")
    other = (await gql(RECORD, {"u": None}, supervisor))["data"]["trainingRecord"]
    assert other["attempts"] == []
    rows = (await gql(ANALYSIS, token=supervisor))["data"]["drillAnalysis"]
    assert {"user": {"username": "staff1"}, "kind": "field", "key": "name", "label": "姓名",
            "missed": 1, "attempts": 1} in rows
    assert {"user": None, "kind": "decision", "key": "decision", "label": "审核结论",
            "missed": 1, "attempts": 1} in rows


@pytest.mark.usefixtures("demo")
async def test_practice_cases_stay_out_of_queues_lists_metrics_and_notifications(
    gql: GraphQL,
) -> None:
    staff = await gql.login("staff1")
    supervisor = await gql.login("supervisor1")
    today = datetime.now(UTC).date()
    period = {"from": str(today - timedelta(days=1)), "to": str(today + timedelta(days=1))}
    before = (await gql(METRICS, period, supervisor))["data"]["staffMetrics"]
    found = await one_drill(gql, staff)
    started = (await gql(START, {"id": found["row"]["id"]}, staff))["data"]["startDrill"]
    await push(gql, staff, ("updateCase", {"id": started["caseId"],
                                           "fields": dict(found["drill"].key.fields)}))
    await gql(FINISH, {"a": started["attemptId"]}, staff)

    for token in (staff, supervisor):
        ids = [e["node"]["id"] for e in (await gql(CASES, token=token))["data"]["cases"]["edges"]]
        assert started["caseId"] not in ids
    queue = await gql("query { cases(status: \"draft\", first: 100) { edges { node { id } } } }",
                      token=supervisor)
    assert started["caseId"] not in [e["node"]["id"] for e in queue["data"]["cases"]["edges"]]
    assert (await gql(METRICS, period, supervisor))["data"]["staffMetrics"] == before
    review = await gql("""mutation($id: ID!) { reviewCase(id: $id, decision: APPROVE) {
      status } }""", {"id": started["caseId"]}, supervisor)
    assert error_codes(review) == ["INVALID_STATE"]
    for token in (staff, supervisor):
        edges = (await gql(INBOX, token=token))["data"]["inbox"]["edges"]
        assert started["caseId"] not in [e["node"]["caseId"] for e in edges]


@pytest.mark.usefixtures("demo")
async def test_only_the_trainee_answers_and_finishes_their_attempt(gql: GraphQL) -> None:
    staff1, staff2 = await gql.login("staff1"), await gql.login("staff2")
    found = await one_drill(gql, staff1)
    started = (await gql(START, {"id": found["row"]["id"]}, staff1))["data"]["startDrill"]
    results = await push(gql, staff2, ("answerDrill", {"attemptId": started["attemptId"],
                                                       "flags": [], "decision": "APPROVE"}))
    assert results[0]["error"]["code"] == "NOT_FOUND"
    results = await push(gql, staff1, ("answerDrill", {"attemptId": started["attemptId"],
                                                       "flags": ["NOPE"]}))
    assert results[0]["error"]["code"] == "VALIDATION_FAILED"
    assert error_codes(await gql(FINISH, {"a": started["attemptId"]}, staff2)) == ["NOT_FOUND"]
    employer = await gql.login("employer1")
    assert error_codes(await gql(DRILLS, token=employer)) == ["FORBIDDEN"]
