"""Unsent work leaves a dead tablet as an encrypted file and is sent from another one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD, graphql, login

pytestmark = pytest.mark.browser

PASSPHRASE = "走访备份 2026"
UNIT_NAME = "导出测试有限公司"
CASES = "{ cases(first: 50) { edges { node { kind fields } } } }"


def sign_in_as_employer(page: Page) -> None:
    page.goto("/employer/case")
    page.get_by_label("用户名", exact=True).fill("employer1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()


def open_security_page(page: Page) -> None:
    # After the PIN is set the app reopens its encrypted store and syncs; let that settle so
    # the tab click is not undone by the store's reopening.
    page.wait_for_load_state("networkidle")
    page.get_by_role("tab", name="我的").click()
    page.get_by_text("设备安全").click()
    expect(page.get_by_role("heading", name="修改 PIN")).to_be_visible()


def test_an_offline_draft_is_exported_sealed_and_imported_on_another_tablet(
    browser: Browser, app: App, tmp_path: Path
) -> None:
    size = {"width": 768, "height": 1024}
    old = browser.new_context(viewport=size, locale="zh-CN", base_url=app.base_url)
    page = old.new_page()
    sign_in_as_employer(page)
    set_pin(page, "2580")
    form = page.get_by_test_id("employer-case")
    expect(form).to_be_visible()
    # Open 设备安全 once online, so its code is loaded before the network goes.
    open_security_page(page)
    page.go_back()  # to 我的
    page.get_by_role("tab", name="单位登记").click()
    expect(form).to_be_visible()
    old.set_offline(True)
    form.get_by_label("单位名称", exact=True).fill(UNIT_NAME)
    form.get_by_role("button", name="保存草稿").click()
    expect(form.get_by_role("status")).to_have_text("已保存在本机，联网后自动提交")

    open_security_page(page)
    page.get_by_test_id("passphrase").locator("input").fill(PASSPHRASE)
    page.get_by_test_id("passphrase-again").locator("input").fill(PASSPHRASE)
    with page.expect_download() as download:
        page.get_by_role("button", name="加密导出").click()
    exported = tmp_path / "unsent.json"
    download.value.save_as(exported)
    expect(page.get_by_role("status")).to_have_text("已导出 1 项操作、0 张照片")
    assert UNIT_NAME not in exported.read_text()  # sealed, not readable
    old.close()  # the old tablet dies with its draft unsent

    new = browser.new_context(viewport=size, locale="zh-CN", base_url=app.base_url)
    page = new.new_page()
    sign_in_as_employer(page)
    set_pin(page, "1470")
    expect(page.get_by_test_id("employer-case")).to_be_visible()
    open_security_page(page)
    page.locator("#import-file").set_input_files(str(exported))
    page.get_by_test_id("passphrase").locator("input").fill("wrong passphrase")
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_role("alert")).to_have_text("口令不正确")
    page.get_by_test_id("passphrase").locator("input").fill(PASSPHRASE)
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_role("status")).to_have_text("已导入 1 项操作、0 张照片，联网后自动发送")

    token = login(app.base_url, "employer1")

    def on_server() -> bool:
        edges = graphql(app.base_url, CASES, {}, token)["cases"]["edges"]
        return any(e["node"]["fields"].get("unit_name") == UNIT_NAME for e in edges)

    deadline = time.monotonic() + 60
    while not on_server():
        assert time.monotonic() < deadline, "the imported work did not reach the server"
        page.wait_for_timeout(200)
    new.close()
