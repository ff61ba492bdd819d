"""Supervisor review in real Chromium: the queue, a case, return with a reason, approve."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.sample_documents import FIXTURES

from .conftest import App
from .sync_setup import (
    DEMO_PASSWORD,
    graphql,
    login,
    submit_withdrawal,
    submit_withdrawal_with_photo,
)

pytestmark = pytest.mark.browser


def sign_in_as_supervisor(page: Page) -> None:
    page.goto("/login")
    page.get_by_label("用户名", exact=True).fill("supervisor1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("greeting")).to_be_visible()


def open_review_queue(page: Page) -> None:
    page.get_by_role("link", name="审核").or_(page.get_by_text("审核", exact=True)).first.click()
    expect(page.get_by_test_id("review-queue")).to_be_visible()


def test_a_synced_case_can_be_returned_only_with_a_reason(
    browser: Browser, app: App, artifacts: Path
) -> None:
    submit_withdrawal(app.base_url, "退回测试")
    context = browser.new_context(
        viewport={"width": 768, "height": 1024}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    sign_in_as_supervisor(page)
    open_review_queue(page)
    page.get_by_role("button", name="退回测试").first.click()
    review = page.get_by_test_id("case-review")
    expect(review.get_by_test_id("case-status")).to_have_text("待审核")
    page.screenshot(path=artifacts / "review-case-768x1024.png", full_page=True)

    review.get_by_role("button", name="退回").click()
    expect(review.get_by_text("请填写退回原因")).to_be_visible()
    expect(review.get_by_test_id("case-status")).to_have_text("待审核")

    review.get_by_test_id("return-reason").locator("textarea").fill("身份证照片不清晰，请重拍")
    review.get_by_role("button", name="退回").click()
    expect(review.get_by_test_id("case-status")).to_have_text("已退回")
    expect(review.get_by_text("身份证照片不清晰，请重拍")).to_be_visible()
    context.close()


def test_a_supervisor_approves_a_case_beside_the_list_on_a_desktop(
    browser: Browser, app: App, artifacts: Path
) -> None:
    submit_withdrawal(app.base_url, "通过测试")
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    sign_in_as_supervisor(page)
    open_review_queue(page)
    queue = page.get_by_test_id("review-queue")
    queue.get_by_role("button", name="通过测试").first.click()
    review = page.get_by_test_id("case-review")
    # Side by side: the list stays visible next to the case.
    expect(queue).to_be_visible()
    expect(review).to_be_visible()
    page.screenshot(path=artifacts / "review-case-1280x800.png")
    review.get_by_role("button", name="审核通过").click()
    expect(review.get_by_test_id("case-status")).to_have_text("已通过")
    # The approved case leaves the 待审核 list.
    expect(queue.get_by_role("button", name="通过测试")).to_have_count(0)
    context.close()


def test_the_review_queue_on_a_phone(browser: Browser, app: App, artifacts: Path) -> None:
    submit_withdrawal(app.base_url, "手机查看")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    sign_in_as_supervisor(page)
    open_review_queue(page)
    queue = page.get_by_test_id("review-queue")
    expect(queue.get_by_role("button", name="手机查看")).to_be_visible()
    page.screenshot(path=artifacts / "review-queue-390x844.png")
    context.close()


def test_the_case_shows_each_photo_beside_what_was_read_from_it(
    browser: Browser, app: App, artifacts: Path
) -> None:
    photo = (FIXTURES / "id_card" / "772bdb7acb.jpg").read_bytes()
    case_id = submit_withdrawal_with_photo(app.base_url, "照片审核", photo)
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    page.goto(f"/review/{case_id}")
    page.get_by_label("用户名", exact=True).fill("supervisor1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    image = page.get_by_test_id("case-review").get_by_role("img", name="id_card的照片")
    expect(image).to_be_visible()
    # The photo really decoded (an object URL of the verified file, fetched with the token).
    width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
    assert width > 100
    page.screenshot(path=artifacts / "review-case-photo-1280x800.png", full_page=True)
    context.close()


RISKY = """query { cases(first: 100, status: "needs_review", risk: "error") {
  edges { node { id } } } }"""


def wait_until_high_risk(base_url: str, case_id: str) -> None:
    """The app's embedded worker verifies a submitted case (no photos: DOCUMENT_MISSING)."""
    token = login(base_url, "supervisor1")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        edges = graphql(base_url, RISKY, {}, token)["cases"]["edges"]
        if any(edge["node"]["id"] == case_id for edge in edges):
            return
        time.sleep(0.5)
    raise AssertionError("the case was not verified in time")


def choose(page: Page, current: str, option: str) -> None:
    """Opens the queue's filter menu showing ``current`` and picks ``option``."""
    page.get_by_test_id("review-filters").get_by_role("button", name=current, exact=True).click()
    page.locator(".van-dropdown-item__option:visible", has_text=option).click()


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 800)])
def test_the_queue_is_narrowed_by_risk_worker_and_submission_date(
    browser: Browser, app: App, artifacts: Path, viewport: tuple[int, int]
) -> None:
    case_id = submit_withdrawal(app.base_url, "筛选测试")
    wait_until_high_risk(app.base_url, case_id)
    width, height = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    sign_in_as_supervisor(page)
    open_review_queue(page)
    queue = page.get_by_test_id("review-queue")
    row = queue.get_by_role("button", name="筛选测试")
    expect(row.first).to_be_visible()

    choose(page, "全部风险", "无风险提示")
    expect(row).to_have_count(0)
    choose(page, "无风险提示", "高风险")
    expect(row.first).to_be_visible()
    expect(row.first).to_contain_text("高风险")

    choose(page, "全部人员", "王芳")
    expect(row.first).to_be_visible()
    choose(page, "王芳", "全部人员")
    expect(row.first).to_be_visible()

    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    page.get_by_test_id("submitted-from").fill(tomorrow)
    expect(row).to_have_count(0)
    page.screenshot(path=artifacts / f"review-filters-{width}x{height}.png")
    page.get_by_role("button", name="清除日期").click()
    expect(row.first).to_be_visible()
    context.close()
