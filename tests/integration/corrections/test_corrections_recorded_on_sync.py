"""Staff changing a value read from a photo is recorded as a correction when the edit syncs
(updateCase), counted in the correction rates, and exported as a truth.jsonl line by
``doorstep corrections export``."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient

from backend.corrections import queries
from backend.jobs.worker import drain
from tests.conftest import FIXTURES
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id
from tests.integration.uploads.conftest import Tus
from tests.support.in_process import app_reading_documents

ID_CARD = FIXTURES / "id_card" / "cc7c5fdafb.jpg"  # 石英芳, clean scan
RATES = "{ correctionRates { docType field read corrected correctedUnflagged rate } }"

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with app_reading_documents() as test_client:
        yield test_client


async def _read_id_card(gql: GraphQL, client: AsyncTestClient[Any]) -> tuple[Device, str]:
    token = await gql.login("staff1")
    device, tus = Device(gql, token), Tus(client, token)
    case_id, document_id = new_id(), new_id()
    photo = ID_CARD.read_bytes()
    fields = {"withdrawal_reason": "06"}
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": fields})
    attach = {"caseId": case_id, "documentId": document_id,
              "sha256": hashlib.sha256(photo).hexdigest(), "docType": "id_card"}
    assert (await device.do("attachDocument", attach))["status"] == "applied"
    assert (await tus.upload(photo, filename="id.jpg")).status_code == 204
    await drain()
    await device.sync()
    case = device.entities[("case", case_id)]["data"]
    assert case["fields"]["name"] == "石英芳"  # filled from the photo
    return device, case_id


def _rate(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body
    rows = [r for r in body["data"]["correctionRates"]
            if r["docType"] == "id_card" and r["field"] == field]
    assert rows, body
    row: dict[str, Any] = rows[0]
    return row


async def test_a_changed_ocr_value_is_a_correction_counted_in_the_rates_and_exported(
    gql: GraphQL, client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    device, case_id = await _read_id_card(gql, client)
    supervisor = await gql.login("supervisor1")
    before = _rate(await gql(RATES, token=supervisor), "name")
    assert before["read"] == 1
    assert before["corrected"] == 0

    result = await device.do("updateCase", {"id": case_id, "fields": {"name": "石英芬"}})
    assert result["status"] == "applied"
    (correction,) = (await queries.corrections_of_case(UUID(case_id))).values()
    assert (correction.doc_type, correction.field) == ("id_card", "name")
    assert (correction.read_value, correction.corrected_value) == ("石英芳", "石英芬")
    assert correction.corrected_by_name == "staff1"
    assert correction.confidence is not None

    after = _rate(await gql(RATES, token=supervisor), "name")
    assert after["corrected"] == 1
    assert after["rate"] == 1.0

    out = tmp_path / "corrections.jsonl"
    done = await asyncio.to_thread(
        subprocess.run,
        [str(Path(sys.executable).with_name("doorstep")), "corrections", "export", "--out",
         str(out)], capture_output=True, text=True, env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["type"] == "id_card"
    assert line["fields"]["name"] == "石英芬"
    assert line["fields"]["id_number"] == "520203197001175843"
    assert set(line) >= {"file", "type", "fields", "missing", "quality"}
    assert line["variant"]["corrected"] == ["name"]

    # Putting the value read back withdraws the correction.
    await device.do("updateCase", {"id": case_id, "fields": {"name": "石英芳"}})
    assert _rate(await gql(RATES, token=supervisor), "name")["corrected"] == 0


async def test_field_staff_may_not_see_the_rates(gql: GraphQL) -> None:
    body = await gql(RATES, token=await gql.login("staff1"))
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
