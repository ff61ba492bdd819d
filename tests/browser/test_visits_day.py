"""A visit from request to done, in real Chromium: a member asks on the public page (phone,
390×844), a supervisor schedules it (1280×800), the field worker's tablet (768×1024) shows it
on today's page, goes offline, starts the case from it with a photo, records the outcome,
comes back online and syncs; the member's ticket then shows the visit done."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from backend.demo.seed import demo_user_id

from .conftest import PHONE, TABLET, App
from .device_pin import unlock
from .test_a11y_screens import blocking_violations
from .test_review_queue import sign_in_as_supervisor
from .test_staff_cases import PIN, SHARP_LOAN_CONTRACT, field, open_cases_synced

pytestmark = pytest.mark.browser

NAME = "上门测试龙秀兰"
ADDRESS = "贵州省六盘水市钟山区荷泉街道 12 号"


def request_visit(page: Page) -> str:
    page.goto("/visit/request")
    page.locator("input[name=name]").fill(NAME)
    page.locator("input[name=address]").fill(ADDRESS)
    page.locator("input[name=phone]").fill("12345")
    page.get_by_role("button", name="提交预约").click()
    expect(page.get_by_test_id("request-error")).to_contain_text("电话号码格式不正确")
    assert blocking_violations(page) == []
    page.locator("input[name=phone]").fill("138 0013 8123")
    page.locator("textarea[name=note]").fill("行动不便，上午在家")
    page.get_by_role("button", name="提交预约").click()
    url = page.get_by_test_id("ticket-url")
    expect(url).to_contain_text("/visit/ticket/")
    ticket_url = url.inner_text().strip()
    page.get_by_test_id("open-ticket").click()
    expect(page.get_by_test_id("ticket-status")).to_contain_text("待安排")
    return ticket_url


def schedule_for_staff1(page: Page) -> None:
    sign_in_as_supervisor(page)
    page.get_by_role("tab", name="派单").click()
    row = page.get_by_test_id("dispatch-request").filter(has_text=NAME)
    row.get_by_role("button", name="安排").click()
    staff = page.get_by_test_id("plan-staff")
    expect(staff.locator("option")).not_to_have_count(0)
    staff.select_option(value=str(demo_user_id("staff1")))
    page.get_by_test_id("plan-slot").select_option(value="am")
    page.get_by_test_id("plan-save").click()
    expect(page.get_by_test_id("week")).to_contain_text(NAME)
    expect(page.get_by_test_id("dispatch-request").filter(has_text=NAME)).to_have_count(0)


def test_a_requested_visit_is_done_offline_and_the_ticket_shows_it(
    browser: Browser, app: App, artifacts: Path
) -> None:
    # bypass_csp: axe (the accessibility check) is injected as an inline script.
    def context(viewport: ViewportSize) -> BrowserContext:
        return browser.new_context(
            viewport=viewport, locale="zh-CN", base_url=app.base_url, bypass_csp=True
        )

    member = context(PHONE)
    desk = context({"width": 1280, "height": 800})
    tablet = context(TABLET)
    try:
        citizen = member.new_page()
        ticket_url = request_visit(citizen)
        citizen.screenshot(path=artifacts / "visits-ticket-requested.png")

        supervisor = desk.new_page()
        schedule_for_staff1(supervisor)
        expect(supervisor.get_by_test_id("visit-metrics")).to_be_visible()
        assert blocking_violations(supervisor) == []
        supervisor.screenshot(path=artifacts / "visits-dispatch.png")

        staff = tablet.new_page()
        open_cases_synced(staff)
        staff.get_by_role("tab", name="首页").click()
        card = staff.locator("article.visit", has_text=NAME)
        expect(card).to_be_visible(timeout=20_000)
        expect(card.get_by_test_id("visit-call")).to_have_attribute("href", "tel:13800138123")
        geo = "geo:0,0?q=" + quote(ADDRESS, safe="")
        expect(card.get_by_test_id("visit-nav").first).to_have_attribute("href", geo)
        card.get_by_text("需带材料").click()
        expect(card.get_by_test_id("visit-materials")).to_contain_text("身份证")
        assert blocking_violations(staff) == []

        # Offline from here: the page comes from the service worker, the visit from IndexedDB.
        tablet.set_offline(True)
        staff.reload()
        unlock(staff, PIN)
        card = staff.locator("article.visit", has_text=NAME)
        expect(card).to_be_visible(timeout=20_000)
        card.get_by_role("button", name="开始办理").click()
        staff.wait_for_url("**/cases/*/edit")
        expect(field(staff, "name")).to_have_value(NAME)
        expect(field(staff, "phone")).to_have_value("13800138123")
        staff.get_by_test_id("field-withdrawal_reason").click()
        staff.get_by_role("button", name="06 偿还购房贷款本息").click()
        staff.get_by_test_id("photo-input-loan_contract").set_input_files(SHARP_LOAN_CONTRACT)
        slot = staff.locator("[data-testid=photo-slot][data-doc-type=loan_contract]")
        expect(slot.get_by_test_id("photo-status")).to_have_text("待上传", timeout=20_000)
        expect(staff.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")

        staff.get_by_role("tab", name="首页").click()
        card = staff.locator("article.visit", has_text=NAME)
        card.get_by_role("button", name="记录结果").click()
        form = staff.get_by_test_id("outcome-form")
        form.get_by_test_id("outcome-note").locator("textarea").fill("材料已收齐")
        form.get_by_test_id("outcome-save").click()
        expect(card.get_by_test_id("visit-status")).to_have_text("已办理")
        expect(staff.get_by_test_id("today-unsent")).to_be_visible()
        staff.screenshot(path=artifacts / "visits-today-offline.png")

        tablet.set_offline(False)
        expect(card.get_by_test_id("visit-status")).to_have_text("已上门", timeout=60_000)
        expect(staff.get_by_test_id("today-unsent")).to_have_count(0, timeout=60_000)

        citizen.goto(ticket_url)
        expect(citizen.get_by_test_id("ticket-status")).to_contain_text("已上门")
        expect(citizen.get_by_test_id("ticket")).not_to_contain_text(NAME)
    finally:
        member.close()
        desk.close()
        tablet.close()
