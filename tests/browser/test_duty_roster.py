"""在线客服排班 in real Chromium at 390×844: a supervisor adds a shift for a staff member on
the roster page (who, date, start, end) and sees it listed with its times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .sync_setup import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def _centre_date(days: int) -> str:
    """A date of the centre (UTC+8) ``days`` from today, as the date field takes it."""
    return (datetime.now(UTC) + timedelta(hours=8, days=days)).date().isoformat()


def test_a_supervisor_adds_a_shift_and_sees_it_on_the_roster(
    phone: BrowserContext, artifacts: Path
) -> None:
    page = phone.new_page()
    page.goto("/login?redirect=/consultations/roster")
    page.get_by_label("用户名", exact=True).fill("supervisor1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    roster = page.get_by_test_id("duty-roster")
    form = roster.get_by_test_id("roster-form")
    person = form.get_by_label("值班人员")
    expect(person.locator("option", has_text="李强")).to_be_attached()
    person.select_option(label="李强")
    day = _centre_date(5)
    form.get_by_label("日期", exact=True).fill(day)
    form.get_by_label("开始", exact=True).fill("10:00")
    form.get_by_label("结束", exact=True).fill("12:30")
    roster.get_by_role("button", name="添加班次").click()
    month, date = int(day[5:7]), int(day[8:10])
    shift = roster.get_by_test_id("roster-shift").filter(has_text="李强")
    expect(shift).to_contain_text(f"{month}月{date}日 10:00 – {month}月{date}日 12:30")
    expect(roster.get_by_role("alert")).to_have_count(0)
    page.screenshot(path=artifacts / "duty-roster-390x844.png", full_page=True)
