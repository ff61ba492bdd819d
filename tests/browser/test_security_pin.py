"""Device PIN in real Chromium: set after sign-in, lock, unlock, wrong PINs counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .device_pin import set_pin, unlock
from .sync_setup import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_pin_is_set_twice_then_locks_unlocks_and_counts_wrong_tries(
    tablet: BrowserContext, artifacts: Path
) -> None:
    page = tablet.new_page()
    page.goto("/employer/case")
    page.get_by_label("用户名", exact=True).fill("employer1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()

    # The two entries must match, and be 4–6 digits.
    expect(page.get_by_role("heading", name="设置 PIN")).to_be_visible()
    page.get_by_test_id("new-pin").locator("input").fill("1357")
    page.get_by_test_id("new-pin-again").locator("input").fill("1358")
    page.get_by_role("button", name="保存 PIN").click()
    expect(page.get_by_text("两次输入的 PIN 不一致")).to_be_visible()
    page.screenshot(path=artifacts / "security-pin-768x1024.png")
    set_pin(page, "1357")
    expect(page.get_by_test_id("employer-case")).to_be_visible()

    # Tokens are no longer readable in Web Storage.
    stored = page.evaluate("() => JSON.stringify({...window.localStorage})")
    assert "refreshToken" not in stored
    assert "employer1" not in stored

    # Opening the app again asks for the PIN; wrong tries are counted.
    page.reload()
    expect(page.get_by_role("heading", name="请输入 PIN")).to_be_visible()
    page.screenshot(path=artifacts / "security-lock-768x1024.png")
    unlock(page, "0000")
    expect(page.get_by_role("alert")).to_have_text("PIN 不正确，还可以再试 4 次")
    unlock(page, "1111")
    expect(page.get_by_role("alert")).to_have_text("PIN 不正确，还可以再试 3 次")
    unlock(page, "1357")
    expect(page.get_by_test_id("employer-case")).to_be_visible()

    # 立即锁定 from 设备安全, then the right PIN brings the person back.
    page.wait_for_load_state("networkidle")  # the unlocked store reopens and syncs first
    page.get_by_role("tab", name="我的").click()
    page.get_by_text("设备安全").click()
    page.get_by_role("button", name="立即锁定").click()
    expect(page.get_by_role("heading", name="请输入 PIN")).to_be_visible()
    unlock(page, "1357")
    expect(page.get_by_role("heading", name="修改 PIN")).to_be_visible()
