"""知识管理 in real Chromium: an admin writes, checks, saves and publishes an article; staff
find the published version by search; a later draft stays invisible until it is published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import App
from .sync_setup import DEMO_PASSWORD, graphql, login
from .test_a11y_screens import blocking_violations

pytestmark = pytest.mark.browser

SEARCH = "query($q: String!) { knowledgeSearch(query: $q, first: 5) { id title version } }"


def staff_search(base_url: str, query: str) -> list[dict[str, Any]]:
    data = graphql(base_url, SEARCH, {"q": query}, token=login(base_url, "staff1"))
    hits: list[dict[str, Any]] = data["knowledgeSearch"]
    return hits


def sign_in_as_admin(page: Page) -> None:
    page.goto("/login")
    page.get_by_label("用户名", exact=True).fill("admin")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("greeting")).to_be_visible()


def test_an_admin_writes_and_publishes_an_article_that_staff_then_find(
    browser: Browser, app: App, artifacts: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="zh-CN",
        base_url=app.base_url,
        bypass_csp=True,  # axe is injected as an inline script
    )
    page = context.new_page()
    sign_in_as_admin(page)
    page.get_by_role("link", name="知识管理").or_(
        page.get_by_text("知识管理", exact=True)
    ).first.click()
    expect(page.get_by_test_id("knowledge-admin")).to_be_visible()
    expect(page.get_by_test_id("kb-admin-row").first).to_be_visible()  # the seeded articles
    assert blocking_violations(page) == []

    page.get_by_test_id("kb-admin-new").click()
    editor = page.get_by_test_id("article-editor")
    expect(editor).to_be_visible()
    # Saving an empty form names what is missing and sends nothing.
    editor.get_by_test_id("article-save").click()
    expect(editor.get_by_text("请填写标题")).to_be_visible()
    expect(editor.get_by_text("请填写正文")).to_be_visible()
    expect(editor.get_by_text("请选择分类")).to_be_visible()

    editor.get_by_test_id("article-title").locator("input").fill("桃源街道上门服务试点须知")
    editor.get_by_test_id("article-category").select_option("缴存")
    editor.get_by_test_id("article-tags").locator("input").fill("灵活就业，自愿缴存")
    editor.get_by_test_id("article-body").locator("textarea").fill(
        "灵活就业人员可凭身份证到中心自愿缴存。\n\n缴存比例按本地政策执行，上门服务人员可代为登记。"
    )
    editor.get_by_test_id("article-save").click()
    expect(editor.get_by_test_id("article-status")).to_contain_text("草稿")
    expect(editor.get_by_test_id("article-status")).to_contain_text("尚未发布")
    assert staff_search(app.base_url, "桃源街道") == []  # a draft is invisible to staff
    assert blocking_violations(page) == []
    page.screenshot(path=artifacts / "knowledge-admin-editor-1280x900.png", full_page=True)

    editor.get_by_test_id("article-publish").click()
    page.get_by_role("button", name="确认").click()
    expect(editor.get_by_test_id("article-status")).to_contain_text("已发布")
    hits = staff_search(app.base_url, "桃源街道")
    assert [(hit["title"], hit["version"]) for hit in hits] == [("桃源街道上门服务试点须知", 1)]

    # 设为必学（政策核对）: a wrong question is named in Chinese, then version 1 goes out and
    # the panel lists who has not acknowledged it yet.
    panel = editor.get_by_test_id("policy-panel")
    questions = panel.get_by_test_id("policy-panel-questions").locator("textarea")
    questions.fill("试点在哪个街道？ | 桃源 / 梅林 | 福田")
    panel.get_by_role("button", name="设为必学（政策核对）").click()
    expect(panel.get_by_test_id("policy-panel-error")).to_have_text(
        "第 1 行的正确答案必须是其中一个选项"
    )
    questions.fill("试点在哪个街道？ | 桃源 / 梅林 | 桃源")
    panel.get_by_role("button", name="设为必学（政策核对）").click()
    expect(panel.get_by_test_id("policy-panel-pending")).to_contain_text("尚未确认：")
    expect(page.get_by_text("确认情况（第 1 版）")).to_be_visible()

    # A change to a published article is the next version's draft: staff keep version 1.
    editor.get_by_test_id("article-title").locator("input").fill("桃源街道上门服务试点须知（修订）")
    editor.get_by_test_id("article-note").locator("input").fill("标题加注修订")
    editor.get_by_test_id("article-save").click()
    expect(editor.get_by_test_id("article-status")).to_contain_text("第 2 版")
    expect(editor.get_by_test_id("article-status")).to_contain_text("员工当前看到第 1 版")
    hits = staff_search(app.base_url, "桃源街道")
    assert [(hit["title"], hit["version"]) for hit in hits] == [("桃源街道上门服务试点须知", 1)]

    # Version 1 can still be read as it was.
    editor.get_by_test_id("article-history").get_by_text("第 1 版", exact=False).first.click()
    old = page.get_by_test_id("article-old-version")
    expect(old).to_contain_text("桃源街道上门服务试点须知")
    expect(old).not_to_contain_text("修订")
    context.close()


def test_an_employee_cannot_open_the_editor_data(browser: Browser, app: App) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("用户名", exact=True).fill("staff1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("greeting")).to_be_visible()
    expect(page.get_by_text("知识管理", exact=True)).to_have_count(0)  # no tab for staff
    page.goto("/admin/knowledge/new")
    editor = page.get_by_test_id("article-editor")
    editor.get_by_test_id("article-title").locator("input").fill("员工试图新建")
    editor.get_by_test_id("article-category").select_option("其他")
    editor.get_by_test_id("article-body").locator("textarea").fill("正文")
    editor.get_by_test_id("article-save").click()
    # The server refuses; the form keeps what was typed.
    expect(editor.get_by_test_id("article-error")).to_be_visible()
    expect(editor.get_by_test_id("article-title").locator("input")).to_have_value("员工试图新建")
    context.close()
