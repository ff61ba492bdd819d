"""Documents that cannot be read: the case still reaches review, with a check naming them."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient

from backend.documents.service import process_document
from backend.jobs.worker import drain
from backend.settings import get_settings
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus
from tests.support.in_process import app_reading_documents
from tests.support.upload_files import pdf_bytes, png_bytes

CASE = """query($id: ID!) { case(id: $id) { status
  documents { id status checks { code } } flags { code severity evidence }
  history { actor action fromStatus toStatus } } }"""
FIELDS = {"name": "张伟", "id_number": "520201199001011239", "withdrawal_reason": "06"}

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with app_reading_documents() as test_client:
        yield test_client


async def _case(gql: GraphQL, token: str, case_id: str) -> dict[str, Any]:
    body = await gql(CASE, {"id": case_id}, token=token)
    assert "errors" not in body, body
    case: dict[str, Any] = body["data"]["case"]
    return case


def _lose_stored_file(sha256: str) -> None:
    """A storage fault: the verified file is gone from the blob store."""
    lost = list(Path(get_settings().uploads_dir).rglob(sha256))
    assert lost
    for path in lost:
        path.unlink()


async def _submitted_case_with(
    gql: GraphQL, client: AsyncTestClient[Any], content: bytes
) -> tuple[str, str, str]:
    token = await gql.login("staff1")
    device, tus = Device(gql, token), Tus(client, token)
    case_id, document_id = new_id(), new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": FIELDS})
    sha = hashlib.sha256(content).hexdigest()
    attach = {"caseId": case_id, "documentId": document_id, "sha256": sha, "docType": None}
    assert (await device.do("attachDocument", attach))["status"] == "applied"
    assert (await tus.upload(content, filename="scan.pdf")).status_code == 204
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    return token, case_id, document_id


async def test_a_case_without_documents_goes_to_review_on_submission(gql: GraphQL) -> None:
    token = await gql.login("staff1")
    device, case_id = Device(gql, token), new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": FIELDS})
    assert (await device.do("submitCase", {"id": case_id}))["status"] == "applied"
    case = await _case(gql, token, case_id)
    assert case["status"] == "needs_review"
    assert [(h["actor"], h["toStatus"]) for h in case["history"]][-2:] == [
        ("staff1", "submitted"), ("system", "needs_review")]
    await drain()
    assert "DOCUMENT_MISSING" in {f["code"] for f in (await _case(gql, token, case_id))["flags"]}


async def test_a_file_that_is_not_an_image_fails_at_once_and_the_case_reaches_review(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    token, case_id, document_id = await _submitted_case_with(gql, client, pdf_bytes())
    await drain()
    case = await _case(gql, token, case_id)
    assert case["status"] == "needs_review"
    [document] = case["documents"]
    assert document["status"] == "failed"
    assert [c["code"] for c in document["checks"]] == ["IMAGE_UNREADABLE"]
    [unreadable] = [f for f in case["flags"] if f["code"] == "DOCUMENT_UNREADABLE"]
    assert unreadable["evidence"]["documentId"] == document_id


async def test_a_document_whose_file_is_lost_is_retried_then_failed_with_a_code(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    content = png_bytes((200, 120))
    token, case_id, document_id = await _submitted_case_with(gql, client, content)
    _lose_stored_file(hashlib.sha256(content).hexdigest())
    for _ in range(2):  # the job queue would retry these after a backoff
        with pytest.raises(Exception):  # noqa: B017, PT011  (whatever the store raises)
            await process_document(UUID(document_id))
        assert (await _case(gql, token, case_id))["status"] == "processing"
    assert await process_document(UUID(document_id)) == "failed"
    case = await _case(gql, token, case_id)
    assert case["status"] == "needs_review"
    assert [c["code"] for c in case["documents"][0]["checks"]] == ["DOCUMENT_READ_FAILED"]
    assert "DOCUMENT_UNREADABLE" in {f["code"] for f in case["flags"]}
    assert await process_document(UUID(document_id)) == "skipped"  # a late retry does nothing
