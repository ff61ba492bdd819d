"""An employer fills and signs the unit registration on their own phone (real Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD

pytestmark = pytest.mark.browser

FORM = {
    "单位名称": "贵阳市云岩区示例科技有限公司",
    "统一社会信用代码": "91350100M000100Y44",  # wrong check character first
    "单位地址": "贵阳市云岩区中华北路 1 号",
    "法定代表人": "李强",
    "联系人": "陈经办",
    "联系电话": "13800138000",
    "单位缴存比例": "12%",
    "个人缴存比例": "15%",  # outside 5–12 % first
    "职工人数": "35",
    "每月发薪日": "15",
    "开户银行": "中国建设银行贵阳分行",
}


def test_employer_fills_signs_and_submits_the_registration_on_a_phone(
    phone: BrowserContext, artifacts: Path
) -> None:
    page = phone.new_page()
    page.goto("/employer/case")
    page.get_by_label("用户名", exact=True).fill("employer1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    set_pin(page, "2468")  # the form keeps data on the phone: a PIN protects it first
    form = page.get_by_test_id("employer-case")
    expect(form.get_by_test_id("employer-status")).to_contain_text("尚未提交")

    for label, value in FORM.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_role("button", name="签署并提交").click()
    expect(form.get_by_text("校验位不正确，请核对")).to_be_visible()
    expect(form.get_by_text("应在 5%–12% 之间")).to_be_visible()
    expect(form.get_by_text("请勾选确认后再提交")).to_be_visible()
    page.screenshot(path=artifacts / "employer-form-errors-390x844.png", full_page=True)

    form.get_by_label("统一社会信用代码", exact=True).fill("91350100M000100Y43")
    form.get_by_label("个人缴存比例", exact=True).fill("12%")
    form.get_by_test_id("employer-confirm").click()
    form.get_by_role("button", name="签署并提交").click()
    expect(form.get_by_role("status")).to_have_text("已提交，请等待审核")
    expect(form.get_by_test_id("employer-status")).to_contain_text("待审核")
    page.screenshot(path=artifacts / "employer-form-390x844.png", full_page=True)

    # Later, on the same phone: the registration and its status are still there.
    page.reload()
    page.get_by_test_id("unlock-pin").locator("input").fill("2468")
    page.get_by_role("button", name="解锁").click()
    expect(form.get_by_test_id("employer-status")).to_contain_text("待审核")
    expect(form.get_by_label("单位名称", exact=True)).to_have_value(FORM["单位名称"])
