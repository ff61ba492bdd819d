"""axe-core on the main screens: no serious or critical accessibility violations."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import PWA_DIR, App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD, submit_withdrawal

pytestmark = pytest.mark.browser

AXE = PWA_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def blocking_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate(
        "() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })"
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


def sign_in(page: Page, username: str) -> None:
    page.get_by_label("用户名", exact=True).fill(username)
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.fixture
def page(browser: Browser, app: App) -> Page:
    # bypass_csp: axe is injected as an inline script, which the app's CSP rightly refuses.
    context = browser.new_context(
        viewport={"width": 768, "height": 1024},
        locale="zh-CN",
        base_url=app.base_url,
        bypass_csp=True,
    )
    return context.new_page()


def test_login_and_home_have_no_serious_violations(page: Page) -> None:
    page.goto("/login")
    expect(page.get_by_role("button", name="登录")).to_be_visible()
    assert blocking_violations(page) == []
    sign_in(page, "staff1")
    expect(page.get_by_test_id("greeting")).to_be_visible()
    assert blocking_violations(page) == []


def test_review_queue_and_case_have_no_serious_violations(page: Page, app: App) -> None:
    submit_withdrawal(app.base_url, "无障碍检查")
    page.goto("/review")
    sign_in(page, "supervisor1")
    queue = page.get_by_test_id("review-queue")
    expect(queue.get_by_role("button", name="无障碍检查").first).to_be_visible()
    assert blocking_violations(page) == []
    queue.get_by_role("button", name="无障碍检查").first.click()
    expect(page.get_by_test_id("case-review")).to_be_visible()
    assert blocking_violations(page) == []


def test_employer_form_pin_and_lock_screens_have_no_serious_violations(page: Page) -> None:
    page.goto("/employer/case")
    sign_in(page, "employer1")
    expect(page.get_by_role("heading", name="设置 PIN")).to_be_visible()
    assert blocking_violations(page) == []
    set_pin(page, "8642")
    expect(page.get_by_test_id("employer-case")).to_be_visible()
    assert blocking_violations(page) == []
    page.reload()
    expect(page.get_by_role("heading", name="请输入 PIN")).to_be_visible()
    assert blocking_violations(page) == []
