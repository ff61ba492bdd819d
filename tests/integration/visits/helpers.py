"""GraphQL operations of the visits tests."""

from __future__ import annotations

from typing import Any

from backend.visits.rules import today
from tests.integration.conftest import GraphQL

REQUEST = (
    """mutation($input: VisitRequestInput!) { requestVisit(input: $input) { id status ticket } }"""
)
TICKET = """query($t: String!) {
  visitTicket(ticket: $t) { status statusLabel kind scheduledFor outcome } }"""
SCHEDULE = """mutation($id: ID!, $staff: ID!, $date: Date!, $slot: String) {
  scheduleVisit(id: $id, staffId: $staff, date: $date, slot: $slot) {
    id status scheduledFor slot assignee { username } } }"""
VISITS = """query($date: Date, $staff: ID, $status: String) {
  visits(date: $date, staffId: $staff, status: $status) {
    id kind status name phone address scheduledFor caseId assignee { username } outcome } }"""
HAND_OVER = """mutation($from: ID!, $to: ID!, $reason: String!) {
  handOver(fromUserId: $from, toUserId: $to, reason: $reason) {
    id cases visits counts complete
    devices { clientId state lastMutationIdAtHandover lastMutationIdNow } } }"""


def visit_input(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "kind": "withdrawal",
        "name": "王秀英",
        "phone": "13800138000",
        "address": "钟山区荷泉路 18 号 3 单元",
        "preferredDate": today().isoformat(),
        "note": "行动不便，需上门",
    }
    values.update(changes)
    return values


async def request(gql: GraphQL, **changes: Any) -> dict[str, Any]:
    return await gql(REQUEST, {"input": visit_input(**changes)})


async def requested(gql: GraphQL, **changes: Any) -> dict[str, Any]:
    body = await request(gql, **changes)
    assert "errors" not in body, body
    receipt: dict[str, Any] = body["data"]["requestVisit"]
    return receipt


async def schedule(
    gql: GraphQL, token: str, visit_id: str, staff_id: str, slot: str | None = "am"
) -> dict[str, Any]:
    return await gql(
        SCHEDULE,
        {"id": visit_id, "staff": staff_id, "date": today().isoformat(), "slot": slot},
        token=token,
    )
