"""Correcting a value read from a photo moves the dashboard's correction rate.

Real data end to end: staff1 photographs an ID card without typing the name; the server
reads it and fills the name into the open form (fields it is unsure of are marked 需核对);
staff1 changes the name; once the edit syncs the server records the correction, and the
supervisor's dashboard shows the ID card's name corrected one more time.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD
from .test_pwa_shell import sign_in_and_settle
from .test_staff_ocr import FIXTURES, ID_CARD, PROCESSING_SECONDS, field, truth

pytestmark = pytest.mark.browser


def wait_for_the_read_name(page: Page, name: str) -> None:
    """Asks for a sync now and then until the server's reading has filled the name."""
    deadline = time.monotonic() + PROCESSING_SECONDS
    while field(page, "name").input_value() != name:
        assert time.monotonic() < deadline, "the photo was not read in time"
        sync_now = page.get_by_role("button", name="立即同步")
        if sync_now.is_enabled():
            sync_now.click()
        page.wait_for_timeout(1000)  # then looks again: has the reading arrived?


def corrected_count(page: Page) -> int:
    """The supervisor's dashboard, freshly loaded: corrections of the ID card's name."""
    page.reload()
    rates = page.get_by_test_id("correction-rates")
    expect(rates).to_have_attribute("data-loaded", "true")
    row = rates.locator("[data-testid=correction-rate][data-doc-type=id_card][data-field=name]")
    expect(row).to_be_visible()
    return int(row.get_by_test_id("corrected").inner_text())


def test_changing_a_read_value_is_recorded_and_moves_the_correction_rate(
    phone: BrowserContext, browser: Browser, app: App, artifacts: Path
) -> None:
    expected: dict[str, Any] = truth(ID_CARD)["fields"]
    page = phone.new_page()
    page.goto("/")
    sign_in_and_settle(page)
    page.get_by_role("tab", name="任务").click()
    set_pin(page, "1470")
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)

    page.get_by_test_id("new-withdrawal").click()
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="03 离休、退休").click()
    page.wait_for_url("**/cases/*/edit")
    page.get_by_test_id("photo-input-id_card").set_input_files(FIXTURES / ID_CARD)
    slot = page.locator("[data-testid=photo-slot][data-doc-type=id_card]")
    expect(slot.get_by_test_id("photo-status")).to_be_visible(timeout=20_000)
    wait_for_the_read_name(page, expected["name"])
    # Exactly the fields marked for checking carry the 需核对 tag.
    marked = page.locator(".van-field[data-check=true]")
    expect(page.get_by_test_id("check-tag")).to_have_count(marked.count())

    supervisor = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN",
                                     base_url=app.base_url)
    desk = supervisor.new_page()
    desk.goto("/dashboard")
    desk.get_by_label("用户名", exact=True).fill("supervisor1")
    desk.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    desk.get_by_role("button", name="登录").click()
    expect(desk.get_by_test_id("dashboard")).to_be_visible()
    before = corrected_count(desk)

    corrected = expected["name"][:-1] + ("华" if expected["name"][-1] != "华" else "明")
    field(page, "name").fill(corrected)
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机", timeout=20_000)
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=60_000)
    expect(field(page, "name")).to_have_value(corrected)

    deadline = time.monotonic() + 30
    while (after := corrected_count(desk)) == before:
        assert time.monotonic() < deadline, "the correction did not reach the dashboard"
    assert after == before + 1
    row = desk.locator("[data-testid=correction-rate][data-doc-type=id_card][data-field=name]")
    assert row.get_by_test_id("rate").inner_text() != "0.0%"
    desk.screenshot(path=artifacts / "dashboard-correction-rates.png", full_page=True)
    supervisor.close()
