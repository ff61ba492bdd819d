"""After sync the case detail shows what the server read from a photo beside what was typed.

Real data end to end: staff1 types a name and ID number that differ from an ID card photo of
the shared fixtures, attaches the photo, submits; the app's embedded worker reads the photo
(OCR) and checks the case; after the next pull the detail view shows each read value beside
the typed one, the differences highlighted, and the flags with their messages.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.sample_documents import FIXTURES

from .conftest import PHONE, TABLET
from .device_pin import set_pin
from .sync_setup import id_number
from .test_pwa_shell import sign_in_and_settle

pytestmark = pytest.mark.browser

ID_CARD = "id_card/cc7c5fdafb.jpg"  # a clean photo (truth.jsonl)
PROCESSING_SECONDS = 180  # OCR on a loaded 2-core machine


def truth(file: str) -> dict[str, Any]:
    for line in (FIXTURES / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        entry: dict[str, Any] = json.loads(line)
        if entry["file"] == file:
            return entry
    raise AssertionError(f"{file} is not in truth.jsonl")


def field(page: Page, key: str) -> Any:
    return page.get_by_test_id(f"field-{key}").locator("input")


def wait_for_the_read_values(page: Page) -> None:
    """Asks for a sync now and then until the photo's read values have been pulled."""
    rows = page.get_by_test_id("ocr-row")
    deadline = time.monotonic() + PROCESSING_SECONDS
    while rows.count() == 0:
        assert time.monotonic() < deadline, "the photo was not read in time"
        sync_now = page.get_by_role("button", name="立即同步")
        if sync_now.is_enabled():
            sync_now.click()
        page.wait_for_timeout(1000)  # then looks again: has the reading arrived?


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390x844", "768x1024"])
def test_read_values_appear_beside_typed_ones_with_differences_and_flags(
    phone: BrowserContext, viewport: Any, artifacts: Path
) -> None:
    size = f"{viewport['width']}x{viewport['height']}"
    expected = truth(ID_CARD)["fields"]
    typed_name = expected["name"][:-1] + ("华" if expected["name"][-1] != "华" else "明")
    typed_id = id_number("52020119800101123")
    assert typed_id != expected["id_number"]

    page = phone.new_page()
    page.set_viewport_size(viewport)
    page.goto("/")
    sign_in_and_settle(page)
    page.get_by_role("tab", name="任务").click()
    set_pin(page, "1470")
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)

    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill(typed_name)
    page.wait_for_url("**/cases/*/edit")
    case_id = page.url.split("/cases/")[1].split("/")[0]
    field(page, "id_number").fill(typed_id)
    field(page, "phone").fill("13812345678")
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="03 离休、退休").click()
    field(page, "amount").fill("8000")
    field(page, "bank_account").fill("6222021234567890123")
    page.get_by_test_id("photo-input-id_card").set_input_files(FIXTURES / ID_CARD)
    slot = page.locator("[data-testid=photo-slot][data-doc-type=id_card]")
    expect(slot.get_by_test_id("photo-status")).to_be_visible(timeout=20_000)
    page.get_by_test_id("submit-case").click()
    page.get_by_role("dialog").get_by_role("button", name="仍要提交").click()  # no signature
    detail = page.get_by_test_id("case-detail")
    expect(detail).to_have_attribute("data-status", "submitted")
    assert case_id in page.url
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=60_000)

    wait_for_the_read_values(page)
    document = page.get_by_test_id("detail-document")
    expect(document).to_have_attribute("data-status", "processed", timeout=30_000)

    name_row = page.locator("[data-testid=ocr-row][data-field=name]")
    expect(name_row.get_by_test_id("ocr-typed")).to_have_text(typed_name)
    expect(name_row.get_by_test_id("ocr-recognised")).to_contain_text(expected["name"])
    expect(name_row).to_have_attribute("data-differs", "true")
    expect(name_row).to_have_class(re.compile(r"detail__row--differs"))
    expect(name_row.get_by_text("不一致")).to_be_visible()

    id_row = page.locator("[data-testid=ocr-row][data-field=id_number]")
    expect(id_row.get_by_test_id("ocr-typed")).to_have_text(typed_id)
    expect(id_row.get_by_test_id("ocr-recognised")).to_contain_text(expected["id_number"])
    expect(id_row).to_have_attribute("data-differs", "true")

    # A value read but not typed in the case (e.g. the birth date) is shown, not flagged.
    expect(page.locator("[data-testid=ocr-row][data-differs=false]").first).to_be_visible()
    # The highlight is visible, not only an attribute: the row has its own background.
    background = name_row.evaluate("row => getComputedStyle(row).backgroundColor")
    plain = page.locator("[data-testid=ocr-row][data-differs=false]").first.evaluate(
        "row => getComputedStyle(row).backgroundColor"
    )
    assert background != plain, (background, plain)

    # The server's flags, with their messages: the ID card does not match the applicant.
    checks = page.get_by_test_id("checks")
    mismatch = checks.get_by_test_id("check").filter(has_text="ID_MISMATCH")
    expect(mismatch.first).to_be_visible(timeout=30_000)
    expect(mismatch.first).to_contain_text("信息与案件不一致")
    expect(mismatch.first).to_contain_text(typed_name)
    expect(mismatch.first).to_contain_text(expected["name"])
    page.get_by_test_id("checks").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / f"staff-case-detail-ocr-{size}.png", full_page=True)
