"""Typed-vs-read disagreements (document checks) count as flags when people are told:
warning- and error-level ones reach the field worker and the team's supervisor once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from backend.cases import queries as cases
from backend.documents import queries as documents
from backend.documents.models import Reading
from backend.verification.alerts import verify_and_notify
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

INBOX = "query { inbox(first: 50) { edges { node { kind title body caseId } } } }"
FIELDS = {
    "name": "张伟",
    "id_number": "520201199001011239",
    "phone": "13800000000",
    "withdrawal_reason": "02",
    "amount": "1000.00",
    "bank_account": "6222020200112233",
    "address": "六盘水市钟山区人民路12号",
}


async def _submitted_case(gql: GraphQL) -> str:
    device = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": FIELDS})
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    return case_id


async def _id_card_read(case_id: str, fields: dict[str, str]) -> None:
    """What OCR read from the case's ID card photo, as the documents domain stores it."""
    await documents.save_reading(
        Reading(
            document_id=uuid4(),
            case_id=UUID(case_id),
            sha256="ab" * 32,
            declared_type="id_card",
            detected_type="id_card",
            status="processed",
            attempts=1,
            result={"fields": fields},
            case_checks=[],
            error_code=None,
            error_message=None,
            updated_at=datetime.now(UTC),
        )
    )


async def _risk_notices(gql: GraphQL, username: str, case_id: str) -> list[dict[str, Any]]:
    body = await gql(INBOX, token=await gql.login(username))
    nodes = [edge["node"] for edge in body["data"]["inbox"]["edges"]]
    return [n for n in nodes if n["kind"] == "risk_flagged" and n["caseId"] == case_id]


async def test_a_disagreement_found_after_the_first_run_is_told_to_worker_and_supervisor(
    gql: GraphQL,
) -> None:
    case_id = await _submitted_case(gql)
    first = await verify_and_notify(UUID(case_id))  # no materials yet: DOCUMENT_MISSING
    assert "DOCUMENT_MISSING" in {f["code"] for f in first}
    read = FIELDS["address"].replace("12", "21")
    await _id_card_read(case_id, {"name": "张玮", "id_number": FIELDS["id_number"],
                                  "address": read})
    new = await verify_and_notify(UUID(case_id))
    assert sorted((f["code"], f["severity"], f["field"]) for f in new) == [
        ("FIELD_DISAGREES", "warning", "address"),
        ("ID_MISMATCH", "error", "name"),
    ]
    disagrees = next(f for f in new if f["code"] == "FIELD_DISAGREES")
    assert disagrees["evidence"]["typed"] == FIELDS["address"]
    assert disagrees["evidence"]["read"] == read
    expected = f"案件填写的“{FIELDS['address']}”与材料识别的“{read}”不一致，请核对。"
    assert disagrees["message"] == expected
    for username in ("staff1", "supervisor1"):
        notices = await _risk_notices(gql, username, case_id)
        assert len(notices) == 2, notices  # the first run's, then the disagreements
        told = [n["body"] for n in notices if "与材料识别的“张玮”不一致" in n["body"]]
        assert len(told) == 1, notices
    assert await cases.risk_levels([UUID(case_id)]) == {UUID(case_id): "error"}
    body = await gql("query($id: ID!) { case(id: $id) { risk } }", {"id": case_id},
                     token=await gql.login("supervisor1"))
    assert body["data"]["case"]["risk"] == "error"


async def test_a_disagreement_already_told_is_not_told_again(gql: GraphQL) -> None:
    case_id = await _submitted_case(gql)
    await _id_card_read(case_id, {"name": "张玮", "id_number": FIELDS["id_number"]})
    first = await verify_and_notify(UUID(case_id))
    assert "ID_MISMATCH" in {f["code"] for f in first}
    assert await verify_and_notify(UUID(case_id)) == []
    assert len(await _risk_notices(gql, "staff1", case_id)) == 1


async def test_a_reading_that_agrees_with_what_was_typed_tells_nobody(gql: GraphQL) -> None:
    case_id = await _submitted_case(gql)
    await verify_and_notify(UUID(case_id))
    await _id_card_read(case_id, {"name": "张伟", "id_number": FIELDS["id_number"],
                                  "address": FIELDS["address"]})
    assert await verify_and_notify(UUID(case_id)) == []
    assert len(await _risk_notices(gql, "supervisor1", case_id)) == 1  # the first run's only
