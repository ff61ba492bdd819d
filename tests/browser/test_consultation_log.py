"""On the tablet without signal: a window question is logged against the article version
used (searched on the device) and reaches the server with the next sync."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import TABLET, App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD, graphql, login

pytestmark = pytest.mark.browser

ANSWERED = """{ consultations(status: "answered") { edges { node { text channel
  answer { articleTitle version } } } } }"""
QUESTION = "退休了怎么销户提取公积金"
ARTICLE = "离休、退休销户提取（原因 03）"


def wait_until(page: Page, done: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(250)


def test_a_question_logged_offline_on_the_tablet_arrives_with_the_next_sync(
    browser: Browser, app: App
) -> None:
    context = browser.new_context(viewport=TABLET, locale="zh-CN", base_url=app.base_url)
    page = context.new_page()
    page.goto("/login?redirect=/consultations/log")
    page.get_by_label("用户名", exact=True).fill("staff2")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    set_pin(page, "2468")
    form = page.get_by_test_id("consultation-log")
    expect(form).to_be_visible()
    form.get_by_role("radio", name="窗口").click()
    form.get_by_label("群众的问题").fill(QUESTION)
    # The articles came with the first sync: the search runs on the device.
    article = form.get_by_text(f"{ARTICLE}（第 1 版）")
    expect(article).to_be_visible(timeout=20_000)

    context.set_offline(True)
    article.click()
    form.get_by_label("答复要点（选填）").fill("带身份证和退休证明办理销户提取")
    form.get_by_role("button", name="保存").click()
    expect(form.get_by_text("已保存，联网后同步")).to_be_visible()

    context.set_offline(False)
    token = login(app.base_url, "supervisor1")

    def arrived() -> bool:
        edges = graphql(app.base_url, ANSWERED, {}, token=token)["consultations"]["edges"]
        return any(e["node"]["text"] == QUESTION for e in edges)

    wait_until(page, arrived, "the logged question did not reach the server")
    edges = graphql(app.base_url, ANSWERED, {}, token=token)["consultations"]["edges"]
    [node] = [e["node"] for e in edges if e["node"]["text"] == QUESTION]
    assert node["channel"] == "window"
    assert node["answer"] == {"articleTitle": ARTICLE, "version": 1}
    context.close()
