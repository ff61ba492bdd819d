"""Promoting a reviewed real case to a drill: no personal datum of the real case anywhere in
the drill (its key, brief and the text OCR reads on its regenerated photos)."""

from __future__ import annotations

import uuid
from dataclasses import replace

import anyio.to_thread
import pytest

from backend.cases import queries as cases
from backend.documents.ocr import DEFAULT_ENGINE, get_engine
from backend.documents.preprocess import decode_image, prepare
from backend.training import queries
from backend.uploads.service import open_blob
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.training.test_drills import push

PROMOTE = """mutation($c: ID!) { promoteCaseToDrill(caseId: $c, title: "真实案例") {
  id title kind source documentCount } }"""
REVIEW = """mutation($id: ID!) { reviewCase(id: $id, decision: RETURN, reason: $r) { status } }"""
NAME, ID_NUMBER, PHONE = "欧阳明珠", "520102198503121231", "13912345678"
ADDRESS = "贵州省贵阳市南明区花果园大街88号"
ORIGINALS = (NAME, ID_NUMBER, PHONE, ADDRESS, "明珠", "198503121231")


def _ocr_text(data: bytes) -> str:
    page_image, _ = prepare(decode_image(data))
    return "".join(line.text for line in get_engine(DEFAULT_ENGINE).read_page(page_image).lines)


async def reviewed_case(gql: GraphQL) -> str:
    staff = await gql.login("staff1")
    case_id, document_id = str(uuid.uuid4()), uuid.uuid4()
    fields = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "address": ADDRESS,
              "withdrawal_reason": "07", "amount": "3000.00", "note": f"{NAME}周末在家"}
    results = await push(
        gql, staff,
        ("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields}),
        ("attachDocument", {"caseId": case_id, "documentId": str(document_id),
                            "sha256": "ab" * 32, "docType": "id_card"}),
        ("submitCase", {"id": case_id}),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    # What reading the member's ID card photo gave (the photo itself never reaches a drill).
    document = await cases.document_by_id(document_id)
    assert document is not None
    read = {"name": NAME, "sex": "男", "birth_date": "1985-03-12", "address": ADDRESS,
            "id_number": ID_NUMBER, "ethnicity": "汉"}
    await cases.save_document(replace(document, fields=read, status="processed"))
    supervisor = await gql.login("supervisor1")
    body = await gql(REVIEW.replace("$r", f'"{NAME}的身份证照片不清晰"'), {"id": case_id},
                     supervisor)
    assert body["data"]["reviewCase"]["status"] == "returned", body
    return case_id


@pytest.mark.usefixtures("demo")
async def test_a_promoted_case_keeps_its_logic_and_none_of_its_people(gql: GraphQL) -> None:
    case_id = await reviewed_case(gql)
    supervisor = await gql.login("supervisor1")
    staff = await gql.login("staff1")
    assert error_codes(await gql(PROMOTE, {"c": case_id}, staff)) == ["FORBIDDEN"]
    body = await gql(PROMOTE, {"c": case_id}, supervisor)
    assert "errors" not in body, body
    made = body["data"]["promoteCaseToDrill"]
    assert (made["source"], made["kind"], made["documentCount"]) == ("promoted", "withdrawal", 1)

    drill = await queries.drill_by_id(uuid.UUID(made["id"]))
    assert drill is not None
    assert drill.key.decision == "RETURN"
    assert drill.key.fields["withdrawal_reason"] == "07"
    assert drill.key.fields["amount"] == "3000.00"
    assert drill.key.fields["name"] != NAME
    data = repr((drill.title, drill.brief, drill.key.as_json()))
    for original in ORIGINALS:
        assert original not in data
    assert "身份证照片不清晰" in (drill.key.return_reason or "")
    assert drill.photos[0].sha256 != "ab" * 32
    text = await anyio.to_thread.run_sync(_ocr_text, await open_blob(drill.photos[0].sha256))
    assert drill.key.fields["name"] in text  # OCR reads the invented person...
    for original in ORIGINALS:
        assert original not in text  # ...and nothing of the real one


@pytest.mark.usefixtures("demo")
async def test_only_reviewed_real_cases_are_promoted(gql: GraphQL) -> None:
    staff = await gql.login("staff1")
    supervisor = await gql.login("supervisor1")
    case_id = str(uuid.uuid4())
    await push(gql, staff, ("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}))
    assert error_codes(await gql(PROMOTE, {"c": case_id}, supervisor)) == ["INVALID_STATE"]
    assert error_codes(await gql(PROMOTE, {"c": str(uuid.uuid4())}, supervisor)) == ["NOT_FOUND"]
