"""Browser-test steps for the device PIN (features/security)."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def set_pin(page: Page, pin: str) -> None:
    """On the 设备安全 page the app sends to before local data is used: sets the PIN twice."""
    expect(page.get_by_role("heading", name="设置 PIN")).to_be_visible()
    page.get_by_test_id("new-pin").locator("input").fill(pin)
    page.get_by_test_id("new-pin-again").locator("input").fill(pin)
    page.get_by_role("button", name="保存 PIN").click()


def unlock(page: Page, pin: str) -> None:
    page.get_by_test_id("unlock-pin").locator("input").fill(pin)
    page.get_by_role("button", name="解锁").click()
