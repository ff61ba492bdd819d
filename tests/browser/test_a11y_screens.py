"""axe-core on the main screens: no serious or critical accessibility violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import PWA_DIR, App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD, submit_withdrawal, submit_withdrawal_with_photo
from .test_staff_ocr import FIXTURES, ID_CARD, wait_for_the_read_values

pytestmark = pytest.mark.browser

AXE = PWA_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def blocking_violations(page: Page) -> list[str]:
    # Audit the screen at rest: a popup still fading out (Vue's *-leave-active) would be
    # audited half gone; on a busy page its transition can take a second or more to end.
    page.wait_for_function(
        "() => !document.querySelector('[class*=\"-leave-active\"], [class*=\"-enter-active\"]')"
    )
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


def test_staff_screens_have_no_serious_violations(page: Page, app: App, artifacts: Path) -> None:
    """我的任务, an OCR-read case with flags, both forms, 未发送 with work, 知识库, 消息."""
    found: dict[str, list[str]] = {}
    photo = (FIXTURES / ID_CARD).read_bytes()
    case_id = submit_withdrawal_with_photo(app.base_url, "无障碍核对", photo)
    page.goto("/cases")
    sign_in(page, "staff1")
    set_pin(page, "9753")
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)
    expect(page.get_by_test_id("case-item").first).to_be_visible()
    found["我的任务"] = blocking_violations(page)

    # In-app navigation from here on: a new page load would ask for the PIN again.
    page.locator(f"[data-testid=case-item][data-case-id='{case_id}']").click()
    wait_for_the_read_values(page)
    expect(page.get_by_test_id("check").first).to_be_visible(timeout=30_000)
    found["案件详情"] = blocking_violations(page)

    # Offline from here: the form's photo and edits wait in 未发送.
    page.context.set_offline(True)
    page.get_by_role("tab", name="任务").click()
    page.get_by_test_id("new-withdrawal").click()
    page.get_by_test_id("field-name").locator("input").fill("无障碍表单")
    page.wait_for_url("**/cases/*/edit")
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="06 偿还购房贷款本息").click()
    expect(page.get_by_test_id("materials")).to_contain_text("借款合同")
    page.get_by_test_id("field-id_number").locator("input").fill("520221197212046746")
    expect(page.get_by_test_id("field-id_number")).to_contain_text("校验位错误")
    page.get_by_test_id("photo-input-id_card").set_input_files(FIXTURES / ID_CARD)
    slot = page.locator("[data-testid=photo-slot][data-doc-type=id_card]")
    expect(slot.get_by_test_id("photo-status")).to_be_visible(timeout=20_000)
    found["上门提取"] = blocking_violations(page)

    page.get_by_role("tab", name="任务").click()
    page.get_by_test_id("new-unit").click()
    page.get_by_test_id("field-uscc").locator("input").fill("91520221MA677WCG7B")
    expect(page.get_by_test_id("field-uscc")).to_contain_text("校验")
    found["单位建缴"] = blocking_violations(page)

    page.get_by_test_id("unsent-link").click()
    expect(page.get_by_test_id("unsent-upload")).to_have_count(1)
    found["未发送"] = blocking_violations(page)
    page.screenshot(path=artifacts / "a11y-staff-unsent-768x1024.png", full_page=True)

    page.get_by_role("tab", name="知识库").click()
    expect(page.get_by_test_id("knowledge")).to_be_visible()
    found["知识库"] = blocking_violations(page)

    page.get_by_role("tab", name="消息").click()
    expect(page.get_by_test_id("inbox")).to_be_visible()
    found["消息"] = blocking_violations(page)
    failing = {screen: v for screen, v in found.items() if v}
    assert not failing, "\n".join(f"{screen}: {v}" for screen, v in failing.items())
