"""staffMetrics: a supervisor measures their team from the case history."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.conftest import GraphQL, error_codes

PUSH = """mutation($input: PushInput!) {
  push(input: $input) { results { id status error { code message } } }
}"""
REVIEW = """mutation($id: ID!, $d: ReviewDecision!, $r: String) {
  reviewCase(id: $id, decision: $d, reason: $r) { status } }"""
METRICS = """query($from: Date!, $to: Date!) { staffMetrics(from: $from, to: $to) {
  staff { username } submitted approved returned returnRate medianHoursToApproval flagsByRule } }"""
ID_NUMBER = "520102198503121231"


async def submitted_case(gql: GraphQL, token: str) -> str:
    case_id = str(uuid.uuid4())
    fields = {"name": "考核", "id_number": ID_NUMBER, "withdrawal_reason": "01"}
    mutations = [
        {
            "id": 1,
            "name": "createCase",
            "args": {"id": case_id, "kind": "withdrawal", "fields": fields},
        },
        {"id": 2, "name": "submitCase", "args": {"id": case_id}},
    ]
    push = {"clientId": str(uuid.uuid4()), "protocolVersion": 1, "mutations": mutations}
    body = await gql(PUSH, {"input": push}, token)
    assert [r["status"] for r in body["data"]["push"]["results"]] == ["applied", "applied"], body
    return case_id


@pytest.mark.usefixtures("demo")
async def test_a_supervisor_sees_submitted_approved_returned_and_the_return_rate(
    gql: GraphQL,
) -> None:
    staff = await gql.login("staff1")
    supervisor = await gql.login("supervisor1")
    approved, returned = await submitted_case(gql, staff), await submitted_case(gql, staff)
    body = await gql(REVIEW, {"id": approved, "d": "APPROVE"}, supervisor)
    assert body["data"]["reviewCase"]["status"] == "approved", body
    await gql(REVIEW, {"id": returned, "d": "RETURN", "r": "照片不清晰"}, supervisor)

    today = datetime.now(UTC).date()
    period = {"from": str(today - timedelta(days=1)), "to": str(today + timedelta(days=1))}
    body = await gql(METRICS, period, supervisor)
    assert "errors" not in body, body
    rows = {row["staff"]["username"]: row for row in body["data"]["staffMetrics"]}
    row = rows["staff1"]
    assert row["submitted"] >= 2
    assert (row["approved"], row["returned"]) == (1, 1)
    assert row["returnRate"] == 0.5
    assert row["medianHoursToApproval"] is not None
    assert row["medianHoursToApproval"] >= 0

    # Field staff may not ask; an empty period has no rows.
    assert error_codes(await gql(METRICS, period, staff)) == ["FORBIDDEN"]
    past = {"from": "2020-01-01", "to": "2020-01-31"}
    assert (await gql(METRICS, past, supervisor))["data"]["staffMetrics"] == []
