"""A case from the device to a decision: push, tus upload of real photos, background
reading and verification, notifications, return with a reason, correction, approval."""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient

from backend.documents.queries import reading_of
from backend.jobs.worker import drain
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus
from tests.support.in_process import app_reading_documents

ID_CARD = FIXTURES / "id_card" / "cc7c5fdafb.jpg"  # 石英芳 520203197001175843, clean
NO_HOUSING = FIXTURES / "no_housing_certificate" / "a8cee7c141.jpg"  # 罗强福, 2026-09-06
MARITAL = FIXTURES / "marital_status_certificate" / "21eebbc32c.jpg"  # 田琳婷, clean
ID_NUMBER = "520203197001175843"

CASE = """query($id: ID!) { case(id: $id) { id status fields
  documents { id docType status fields checks { code severity field message } }
  flags { code severity field message evidence }
  history { actor action fromStatus toStatus reason } } }"""
REVIEW = """mutation($id: ID!, $d: ReviewDecision!, $r: String) {
  reviewCase(id: $id, decision: $d, reason: $r) { id status } }"""
INBOX = "query { inbox(first: 20) { edges { node { kind title body caseId } } } }"


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with app_reading_documents() as test_client:
        yield test_client


async def _inbox(gql: GraphQL, token: str) -> list[dict[str, Any]]:
    body = await gql(INBOX, token=token)
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["inbox"]["edges"]]


async def _case(gql: GraphQL, token: str, case_id: str) -> dict[str, Any]:
    body = await gql(CASE, {"id": case_id}, token=token)
    assert "errors" not in body, body
    case: dict[str, Any] = body["data"]["case"]
    return case


def _typed_vs_read(case: dict[str, Any], document_id: str, field: str) -> list[dict[str, Any]]:
    """The case's checks comparing what staff typed with what a document reads."""
    return [
        f for f in case["flags"]
        if "typed" in f["evidence"] and f["evidence"]["documentId"] == document_id
        and f["field"] == field
    ]


async def _attach_and_upload(
    device: Device, tus: Tus, case_id: str, photo: bytes, doc_type: str | None
) -> str:
    document_id = new_id()
    sha = hashlib.sha256(photo).hexdigest()
    args = {"caseId": case_id, "documentId": document_id, "sha256": sha, "docType": doc_type}
    assert (await device.do("attachDocument", args))["status"] == "applied"
    assert (await tus.upload(photo, chunk=64 * 1024)).status_code == 204
    return document_id


@pytest.mark.usefixtures("demo")
async def test_a_case_is_read_verified_returned_corrected_and_approved(
    client: AsyncTestClient[Any], gql: GraphQL
) -> None:
    started = time.perf_counter()
    staff1, supervisor1 = await gql.login("staff1"), await gql.login("supervisor1")
    device = Device(gql, staff1)
    tus = Tus(client, staff1)
    case_id = new_id()
    # Staff typed the name with a wrong character, and left sex/birth date/address empty.
    fields = {"name": "石英方", "id_number": ID_NUMBER, "withdrawal_reason": "06"}
    created = await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields})
    assert created["status"] == "applied"
    id_card = await _attach_and_upload(device, tus, case_id, ID_CARD.read_bytes(), "id_card")
    certificate = await _attach_and_upload(device, tus, case_id, NO_HOUSING.read_bytes(), None)
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    await device.sync()
    assert device.entities[("case", case_id)]["data"]["status"] == "submitted"
    assert {device.entities[("document", d)]["data"]["status"] for d in (id_card, certificate)} \
        == {"uploaded"}

    read_started = time.perf_counter()
    assert await drain() >= 3  # two readings and a verification at least
    read_seconds = time.perf_counter() - read_started

    case = await _case(gql, staff1, case_id)
    assert case["status"] == "needs_review"
    documents = {d["id"]: d for d in case["documents"]}
    assert documents[id_card]["status"] == "processed"
    assert documents[id_card]["fields"]["id_number"] == ID_NUMBER
    assert documents[certificate]["docType"] == "no_housing_certificate"  # detected
    assert documents[certificate]["fields"]["issue_date"] == "2026-09-06"
    reading = await reading_of(UUID(certificate))  # everything the pipeline said is kept
    assert reading is not None
    assert (reading.declared_type, reading.detected_type) == (None, "no_housing_certificate")
    assert reading.result["confidence"]["id_number"] > 0.5
    assert reading.result["quality"]["blurry"] is False
    assert set(reading.result["preprocessing"]) >= {"page_flattened", "rotated_degrees"}
    # Empty fields filled from the ID card; what staff typed is kept.
    assert case["fields"]["name"] == "石英方"
    assert case["fields"]["sex"] == "女"
    assert case["fields"]["birth_date"] == "1970-01-17"
    assert case["fields"]["address"]
    codes = {f["code"] for f in case["flags"]}
    assert "CERTIFICATE_EXPIRED" in codes
    [typed_vs_read] = _typed_vs_read(case, id_card, "name")
    assert typed_vs_read["code"] == "ID_MISMATCH"
    assert typed_vs_read["evidence"]["typed"] == "石英方"
    assert typed_vs_read["evidence"]["read"] == "石英芳"
    moves = [(h["actor"], h["fromStatus"], h["toStatus"]) for h in case["history"]]
    assert ("system", "submitted", "processing") in moves
    assert ("system", "processing", "needs_review") in moves
    # The device receives the readings through pull.
    await device.sync()
    assert device.entities[("document", id_card)]["data"]["fields"]["name"] == "石英芳"
    assert device.entities[("case", case_id)]["data"]["fields"]["sex"] == "女"
    # New risk flags reach the field worker and the team's supervisor.
    assert any(n["kind"] == "risk_flagged" and n["caseId"] == case_id
               for n in await _inbox(gql, staff1))
    assert any(n["kind"] == "risk_flagged" for n in await _inbox(gql, supervisor1))

    reason = "无房证明已过期，请重新开具；姓名请按身份证填写"
    returned = await gql(REVIEW, {"id": case_id, "d": "RETURN", "r": reason}, token=supervisor1)
    assert returned["data"]["reviewCase"]["status"] == "returned", returned
    await device.sync()  # the decision and its reason reach the device through pull
    assert device.entities[("case", case_id)]["data"]["status"] == "returned"
    [notice] = [
        e["data"] for (entity, _), e in device.entities.items()
        if entity == "inbox" and e["data"]["kind"] == "case_returned"
    ]
    assert notice["caseId"] == case_id
    assert reason in notice["body"]

    # Corrected on the device, a new certificate photo attached, resubmitted.
    update = {"id": case_id, "fields": {"name": "石英芳"}}
    assert (await device.do("updateCase", update))["status"] == "applied"
    marital = await _attach_and_upload(device, tus, case_id, MARITAL.read_bytes(), None)
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    assert (await _case(gql, staff1, case_id))["status"] == "submitted"  # a document waits
    await drain()
    case = await _case(gql, staff1, case_id)
    assert case["status"] == "needs_review"
    assert {d["id"]: d["status"] for d in case["documents"]}[marital] == "processed"
    assert case["fields"]["marital_status"] == "已婚"  # filled from the new document
    assert _typed_vs_read(case, id_card, "name") == []  # the correction cleared it
    submits = [h for h in case["history"] if h["action"] == "submit"]
    assert [h["fromStatus"] for h in submits] == ["draft", "returned"]

    approved = await gql(REVIEW, {"id": case_id, "d": "APPROVE"}, token=supervisor1)
    assert approved["data"]["reviewCase"]["status"] == "approved", approved
    assert any(n["kind"] == "case_approved" for n in await _inbox(gql, staff1))
    print(f"\nend-to-end {time.perf_counter() - started:.1f} s, first reading {read_seconds:.1f} s")
