"""An iPad's HEIC photo in Chromium, which cannot decode HEIC: the form attaches it unchanged,
it uploads, and the server reads it like a JPEG."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, expect

import backend.imaging  # noqa: F401  (lets Pillow write the HEIC fixture)

from .conftest import App
from .test_staff_cases import SHARP_LOAN_CONTRACT, field, graphql, open_cases_synced, staff_token

pytestmark = pytest.mark.browser


def test_a_heic_photo_this_browser_cannot_open_is_sent_as_it_is_and_read_by_the_server(
    tablet: BrowserContext, app: App, tmp_path: Path
) -> None:
    heic = tmp_path / "IMG_0042.HEIC"
    Image.open(SHARP_LOAN_CONTRACT).save(heic, format="HEIF", quality=90)
    page = tablet.new_page()
    open_cases_synced(page)

    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")
    case_id = page.url.split("/cases/")[1].split("/")[0]
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="06 偿还购房贷款本息").click()
    page.get_by_test_id("photo-input-loan_contract").set_input_files(heic)
    expect(page.get_by_text(re.compile("本机无法检查此格式的清晰度"))).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)

    token = staff_token(app)
    query = "query($id: ID!) { case(id: $id) { documents { docType status fields } } }"
    deadline = time.monotonic() + 90
    while True:
        documents = graphql(app, query, {"id": case_id}, token)["case"]["documents"]
        if documents and documents[0]["status"] == "processed":
            break
        assert time.monotonic() < deadline, documents
        time.sleep(0.25)
    assert documents[0]["docType"] == "loan_contract"
    assert documents[0]["fields"].get("contract_number")  # read from the HEIC by OCR
