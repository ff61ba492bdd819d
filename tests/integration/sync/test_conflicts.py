"""Concurrent edits: field-by-field merge, visible conflicts, server decisions win."""

from __future__ import annotations

import pytest

from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

REVIEW = """mutation($id: ID!, $d: ReviewDecision!, $r: String) {
  reviewCase(id: $id, decision: $d, reason: $r) { id status } }"""
CASE = """query($id: ID!) { case(id: $id) { status fields conflicts { field value overwritten by }
  history { actor action fromStatus toStatus reason } } }"""
ID_NUMBER = "520201199001011239"
UNDER_REVIEW = {"submitted", "processing", "needs_review"}


async def _two_devices(gql: GraphQL) -> tuple[Device, Device, str]:
    token = await gql.login("staff1")
    phone, tablet = Device(gql, token), Device(gql, token)
    case_id = new_id()
    await phone.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {"name": "张伟"}})
    await phone.sync()
    await tablet.sync()
    return phone, tablet, case_id


async def test_two_devices_editing_the_same_case_merge_field_by_field(gql: GraphQL) -> None:
    phone, tablet, case_id = await _two_devices(gql)
    base = tablet.case(case_id)["version"]
    await phone.do("updateCase", {"id": case_id, "fields": {"phone": "13812345678"}})
    # The tablet, offline, edited another field: both survive, no conflict.
    await tablet.do(
        "updateCase", {"id": case_id, "fields": {"amount": "1200.00"}, "baseVersion": base}
    )
    await phone.sync()
    case = phone.case(case_id)
    assert case["fields"] == {"name": "张伟", "phone": "13812345678", "amount": "1200.00"}
    assert case["conflicts"] == []


async def test_the_same_field_on_two_devices_keeps_the_later_push_and_records_the_conflict(
    gql: GraphQL,
) -> None:
    phone, tablet, case_id = await _two_devices(gql)
    base = tablet.case(case_id)["version"]
    await phone.do("updateCase", {"id": case_id, "fields": {"phone": "13812345678"}})
    await tablet.do(
        "updateCase", {"id": case_id, "fields": {"phone": "13987654321"}, "baseVersion": base}
    )
    await phone.sync()
    case = phone.case(case_id)
    assert case["fields"]["phone"] == "13987654321"  # the later push wins
    [conflict] = case["conflicts"]
    assert conflict["field"] == "phone"
    assert conflict["overwritten"] == "13812345678"
    assert conflict["value"] == "13987654321"
    assert conflict["clientId"] == tablet.client_id
    body = await gql(CASE, {"id": case_id}, token=phone.token)
    assert body["data"]["case"]["conflicts"] == [
        {"field": "phone", "value": "13987654321", "overwritten": "13812345678", "by": "staff1"}
    ]


async def test_an_edit_based_on_the_latest_version_is_no_conflict(gql: GraphQL) -> None:
    phone, tablet, case_id = await _two_devices(gql)
    await phone.do("updateCase", {"id": case_id, "fields": {"phone": "13812345678"}})
    await tablet.sync()
    base = tablet.case(case_id)["version"]
    await tablet.do(
        "updateCase", {"id": case_id, "fields": {"phone": "13987654321"}, "baseVersion": base}
    )
    await phone.sync()
    assert phone.case(case_id)["conflicts"] == []


async def test_approval_wins_over_a_later_device_edit(gql: GraphQL) -> None:
    phone, tablet, case_id = await _two_devices(gql)
    fields = {"id_number": ID_NUMBER, "withdrawal_reason": "02"}
    await phone.do("updateCase", {"id": case_id, "fields": fields})
    assert (await phone.do("submitCase", {"id": case_id}))["status"] == "applied"
    supervisor = await gql.login("supervisor1")
    body = await gql(REVIEW, {"id": case_id, "d": "APPROVE", "r": None}, token=supervisor)
    assert body["data"]["reviewCase"]["status"] == "approved"
    # The tablet, offline since before the approval, edits the case: refused and recorded.
    refused = await tablet.do("updateCase", {"id": case_id, "fields": {"name": "张三"}})
    assert refused["status"] == "rejected"
    assert refused["error"]["code"] == "INVALID_STATE"
    await tablet.sync()
    case = tablet.case(case_id)
    assert case["status"] == "approved"
    assert case["fields"]["name"] == "张伟"
    history = (await gql(CASE, {"id": case_id}, token=supervisor))["data"]["case"]["history"]
    # (The server may move a submitted case on, e.g. to needs_review, before the decision.)
    decisions = [h for h in history if h["action"] in ("create", "submit", "approve")]
    assert [(h["action"], h["toStatus"]) for h in decisions] == [
        ("create", "draft"),
        ("submit", "submitted"),
        ("approve", "approved"),
    ]
    assert decisions[2]["actor"] == "supervisor1"
    assert decisions[2]["fromStatus"] in UNDER_REVIEW


async def test_a_returned_case_goes_back_to_the_device_with_the_reason(gql: GraphQL) -> None:
    phone, _, case_id = await _two_devices(gql)
    fields = {"id_number": ID_NUMBER, "withdrawal_reason": "02"}
    await phone.do("updateCase", {"id": case_id, "fields": fields})
    await phone.do("submitCase", {"id": case_id})
    supervisor = await gql.login("supervisor1")
    no_reason = await gql(REVIEW, {"id": case_id, "d": "RETURN", "r": " "}, token=supervisor)
    assert no_reason["errors"][0]["extensions"]["code"] == "VALIDATION_FAILED"
    body = await gql(REVIEW, {"id": case_id, "d": "RETURN", "r": "缺少银行卡"}, token=supervisor)
    assert body["data"]["reviewCase"]["status"] == "returned"
    await phone.sync()
    assert phone.case(case_id)["status"] == "returned"
    fixed = await phone.do(
        "updateCase", {"id": case_id, "fields": {"bank_account": "6217002710000123456"}}
    )
    assert fixed["status"] == "applied"
    assert (await phone.do("submitCase", {"id": case_id}))["status"] == "applied"
    history = (await gql(CASE, {"id": case_id}, token=phone.token))["data"]["case"]["history"]
    [returned] = [h for h in history if h["action"] == "return"]
    assert returned["fromStatus"] in UNDER_REVIEW
    assert (returned["actor"], returned["toStatus"], returned["reason"]) == (
        "supervisor1",
        "returned",
        "缺少银行卡",
    )
    resubmitted = [h for h in history if h["action"] == "submit"][-1]
    assert resubmitted["fromStatus"] == "returned"


async def test_staff_cannot_review(gql: GraphQL) -> None:
    phone, _, case_id = await _two_devices(gql)
    body = await gql(REVIEW, {"id": case_id, "d": "APPROVE", "r": None}, token=phone.token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
