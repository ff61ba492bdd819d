"""网上咨询 in real Chromium at 390×844: a member asks without an account, sees matching
articles while typing, sends the question and keeps the ticket page open; a staff member
answers it from the 在线客服 queue citing an article version; the member reads the answer
with the cited passage on the ticket page and rates it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import PHONE, App
from .sync_setup import DEMO_PASSWORD, graphql, login
from .test_a11y_screens import blocking_violations

pytestmark = pytest.mark.browser

QUESTION = "租房可以提取公积金吗？需要什么材料"
RENT_ARTICLE = "租房提取住房公积金（原因 07）"
ANSWER = "可以。请准备无房证明、租赁合同和房租支付凭证。"
ADD_SHIFT = """mutation($userId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
  addDutyShift(userId: $userId, startsAt: $startsAt, endsAt: $endsAt) { id } }"""
SUPERVISOR_ID = "query { me { id } }"


def _next_shift_for_supervisor(app: App) -> None:
    """supervisor1 is on the 在线客服 roster later (not now: nobody is told of questions)."""
    token = login(app.base_url, "supervisor1")
    me = graphql(app.base_url, SUPERVISOR_ID, {}, token=token)["me"]["id"]
    start = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    window = {"userId": me, "startsAt": start.isoformat(),
              "endsAt": (start + timedelta(hours=4)).isoformat()}
    graphql(app.base_url, ADD_SHIFT, window, token=token)


def _staff_answers(browser: Browser, app: App, artifacts: Path) -> None:
    context = browser.new_context(
        viewport={"width": 1024, "height": 900}, locale="zh-CN", base_url=app.base_url
    )
    page = context.new_page()
    page.goto("/login?redirect=/consultations")
    page.get_by_label("用户名", exact=True).fill("supervisor1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    queue = page.get_by_test_id("consultation-queue")
    expect(queue.get_by_test_id("queue-duty")).to_contain_text(re.compile(r"您的下一个值班：.+起"))
    expect(queue.get_by_test_id("queue-duty")).to_contain_text("此刻无人值班")
    item = queue.get_by_test_id("queue-item").filter(has_text="租房可以提取公积金吗")
    expect(item).to_contain_text(re.compile(r"已等待"))
    item.click()
    panel = page.get_by_test_id("answer-panel")
    hit = panel.get_by_test_id("article-hit").filter(has_text=RENT_ARTICLE)
    hit.get_by_role("button", name="引用").click()
    expect(panel.get_by_test_id("answer-citation")).to_have_text(f"已选：{RENT_ARTICLE}（第 1 版）")
    panel.get_by_label("答复内容").fill(ANSWER)
    page.screenshot(path=artifacts / "consultation-staff-answer-1024.png")
    panel.get_by_role("button", name="发送答复").click()
    expect(panel).to_be_hidden()
    expect(
        queue.get_by_test_id("queue-item").filter(has_text="租房可以提取公积金吗")
    ).to_have_count(0)
    context.close()


def _ask(page: Page, artifacts: Path) -> None:
    page.goto("/ask")
    page.get_by_label("您的问题").fill(QUESTION)
    suggestion = page.get_by_test_id("ask-suggestion").filter(has_text=RENT_ARTICLE)
    expect(suggestion).to_contain_text(re.compile(r"第 1 版 · 2026-01-01 起施行"))
    assert blocking_violations(page) == []
    page.screenshot(path=artifacts / "consultation-ask-390x844.png", full_page=True)
    page.get_by_label("联系方式（选填）").fill("13885861234")
    page.get_by_role("button", name="发送给在线客服").click()
    expect(page.get_by_test_id("ticket-status")).to_have_text("等待客服答复")
    expect(page.get_by_test_id("ticket-question")).to_contain_text(QUESTION)
    # Nobody on duty now: the member is told roughly when someone will be.
    expect(page.get_by_test_id("ticket-duty")).to_have_text(
        re.compile(r"目前没有客服值班，预计 \d+月\d+日 \d\d:00 起有客服答复。")
    )
    page.screenshot(path=artifacts / "consultation-waiting-390x844.png", full_page=True)
    assert re.search(r"/ask/t/[A-Za-z0-9_-]{32}$", page.url)


@pytest.fixture
def phone(browser: Browser, app: App) -> Iterator[BrowserContext]:
    # bypass_csp: axe is injected as an inline script, which the app's CSP rightly refuses.
    context = browser.new_context(
        viewport=PHONE, locale="zh-CN", base_url=app.base_url, bypass_csp=True
    )
    yield context
    context.close()


def test_a_member_asks_staff_answer_citing_an_article_and_the_ticket_shows_it(
    phone: BrowserContext, browser: Browser, app: App, artifacts: Path
) -> None:
    _next_shift_for_supervisor(app)
    page = phone.new_page()
    _ask(page, artifacts)
    _staff_answers(browser, app, artifacts)

    # The ticket page, still open on the phone, shows the answer once written (it polls).
    expect(page.get_by_test_id("ticket-status")).to_have_text("已答复", timeout=20_000)
    answer = page.get_by_test_id("ticket-answer")
    expect(answer).to_contain_text(ANSWER)
    passage = page.get_by_test_id("ticket-passage")
    expect(passage).to_contain_text(f"依据：{RENT_ARTICLE}（第 1 版）")
    expect(passage).to_contain_text("无房证明")
    page.get_by_test_id("ticket-rate").get_by_role("button", name="5 分").click()
    expect(page.get_by_text("感谢您的评价")).to_be_visible()
    assert blocking_violations(page) == []
    page.screenshot(path=artifacts / "consultation-ticket-390x844.png", full_page=True)

    # Later, from "我的咨询" on the same phone.
    page.goto("/ask")
    page.get_by_text(QUESTION).click()
    expect(page.get_by_test_id("ticket-answer")).to_contain_text(ANSWER)
