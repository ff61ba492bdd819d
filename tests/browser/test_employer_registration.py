"""An employer fills and signs the unit registration on their own phone (real Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from .conftest import PHONE, TABLET, App
from .device_pin import set_pin
from .sync_setup import DEMO_PASSWORD, graphql, login
from .test_a11y_screens import blocking_violations
from .test_pwa_shell import sign_in_and_settle

pytestmark = pytest.mark.browser

CASE = "query($id: ID!) { case(id: $id) { status fields } }"
SUBMITTED = re.compile("已提交|识别中|待审核")

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
    expect(form.get_by_text("请先签名再提交")).to_be_visible()
    page.screenshot(path=artifacts / "employer-form-errors-390x844.png", full_page=True)

    form.get_by_label("统一社会信用代码", exact=True).fill("91350100M000100Y43")
    form.get_by_label("个人缴存比例", exact=True).fill("12%")
    form.get_by_test_id("employer-confirm").click()
    sign(page, form)
    form.get_by_role("button", name="签署并提交").click()
    # Sent with the signature's upload: allow for a loaded machine.
    expect(form.get_by_role("status")).to_have_text("已提交，请等待审核", timeout=30_000)
    expect(form.get_by_test_id("employer-status")).to_contain_text(SUBMITTED)
    page.screenshot(path=artifacts / "employer-form-390x844.png", full_page=True)

    # Later, on the same phone: the registration and its status are still there.
    page.reload()
    page.get_by_test_id("unlock-pin").locator("input").fill("2468")
    page.get_by_role("button", name="解锁").click()
    expect(form.get_by_test_id("employer-status")).to_contain_text(SUBMITTED)
    expect(form.get_by_label("单位名称", exact=True)).to_have_value(FORM["单位名称"])


# --- The QR link staff show on site (backend/claims/links.py) --------------------------

STAFF_PIN = "1357"
UNIT_FROM_STAFF = "六盘水示例建材有限公司"
EMPLOYER_INPUT = {  # what the employer adds on their phone (valid values)
    "统一社会信用代码": "91350100M000100Y43",
    "单位地址": "六盘水市钟山区人民路 8 号",
    "法定代表人": "周明",
    "联系人": "吴经办",
    "联系电话": "13985860001",
    "单位缴存比例": "10%",
    "个人缴存比例": "10%",
    "职工人数": "12",
    "每月发薪日": "10",
    "开户银行": "中国工商银行六盘水分行",
}


def sign(page: Page, form: Locator) -> None:
    """Draws a signature with the pointer on the pad (SignaturePad) and confirms it."""
    canvas = form.get_by_test_id("signature-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 30, box["y"] + 100)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 22, box["y"] + 100 + (-1) ** step * 30)
    page.mouse.up()
    form.get_by_test_id("signature-save").click()
    expect(form.get_by_test_id("signature-saved")).to_be_visible()


def staff_opens_a_registration(tablet: BrowserContext) -> tuple[Page, str]:
    """staff1 on the tablet: signs in, sets the PIN, opens a unit registration."""
    page = tablet.new_page()
    page.goto("/")
    sign_in_and_settle(page)
    page.get_by_role("tab", name="任务").click()
    set_pin(page, STAFF_PIN)
    expect(page).to_have_url(re.compile(r"/cases$"))
    page.get_by_test_id("new-unit").click()
    page.get_by_test_id("field-unit_name").locator("input").fill(UNIT_FROM_STAFF)
    page.wait_for_url("**/cases/*/edit")  # created with the first thing typed
    case_id = page.url.split("/cases/")[1].split("/")[0]
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")  # in the outbox
    return page, case_id


def staff_shows_the_qr_code(page: Page, case_id: str) -> tuple[str, str]:
    """From the registration form to the case's QR page (made on the tablet); returns the
    link and the one-time code."""
    page.get_by_test_id("open-employer-link").click()
    return read_the_qr_code(page, case_id)


def read_the_qr_code(page: Page, case_id: str) -> tuple[str, str]:
    offer = page.get_by_test_id("employer-link-offer")
    expect(offer.get_by_test_id("case-qr").locator("img")).to_be_visible(timeout=20_000)
    link = offer.get_by_test_id("employer-link").get_attribute("href") or ""
    code = (offer.get_by_test_id("one-time-code").text_content() or "").replace(" ", "")
    assert f"/employer/link/{case_id}#k=" in link
    assert re.fullmatch(r"\d{6}", code)
    return link, code


def staff_sees_the_case_submitted(page: Page) -> None:
    offer = page.get_by_test_id("employer-link-offer")
    for _ in range(20):
        offer.get_by_role("button", name="重试").click()
        if SUBMITTED.search(offer.get_by_test_id("offer-case-status").inner_text()):
            break
        page.wait_for_timeout(500)
    expect(offer.get_by_test_id("offer-case-status")).to_contain_text(SUBMITTED)


def employer_fills_signs_and_submits(page: Page) -> None:
    form = page.get_by_test_id("employer-case")
    expect(form.get_by_label("单位名称", exact=True)).to_have_value(UNIT_FROM_STAFF)
    for label, value in EMPLOYER_INPUT.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_test_id("employer-confirm").click()
    form.get_by_role("button", name="签署并提交").click()
    expect(form.get_by_text("请先签名再提交")).to_be_visible()
    sign(page, form)
    form.get_by_role("button", name="签署并提交").click()
    expect(form.get_by_role("status")).to_have_text("已提交，请等待审核", timeout=20_000)
    expect(form.get_by_test_id("employer-status")).to_contain_text(SUBMITTED)


def test_employer_signs_in_from_the_staff_qr_link_and_completes_the_case(
    tablet: BrowserContext, phone: BrowserContext, app: App, artifacts: Path
) -> None:
    staff, case_id = staff_opens_a_registration(tablet)
    link, _ = staff_shows_the_qr_code(staff, case_id)
    expect(staff.get_by_test_id("offer-sync")).to_have_text(
        "已同步，对方现在可以打开链接", timeout=20_000
    )
    staff.screenshot(path=artifacts / "staff-employer-qr-768x1024.png", full_page=True)

    page = phone.new_page()
    page.goto(link)
    page.screenshot(path=artifacts / "employer-link-390x844.png", full_page=True)
    page.get_by_role("button", name="登录单位账号").click()
    page.get_by_label("用户名", exact=True).fill("employer1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    set_pin(page, "2468")  # the claimed case is kept on the phone: a PIN protects it
    expect(page).to_have_url(re.compile(rf"/employer/case/{case_id}$"))
    employer_fills_signs_and_submits(page)
    page.screenshot(path=artifacts / "employer-claimed-case-390x844.png", full_page=True)

    staff_sees_the_case_submitted(staff)
    token = login(app.base_url, "staff1")
    fields = graphql(app.base_url, CASE, {"id": case_id}, token)["case"]["fields"]
    assert fields["unit_name"] == UNIT_FROM_STAFF  # the staff's input, kept
    assert fields["contact_name"] == "吴经办"  # the employer's
    assert re.fullmatch(r"[0-9a-f]{64}", fields["signature"])


def test_employer_without_an_account_uses_the_one_time_code_after_the_tablet_syncs(
    tablet: BrowserContext, phone: BrowserContext, artifacts: Path
) -> None:
    staff, case_id = staff_opens_a_registration(tablet)
    first_link, _ = staff_shows_the_qr_code(staff, case_id)
    expect(staff.get_by_test_id("offer-sync")).to_have_text(
        "已同步，对方现在可以打开链接", timeout=20_000
    )
    tablet.set_offline(True)  # on site without a signal: a new QR code, made on the tablet
    staff.get_by_role("button", name="重新生成二维码").click()
    expect(staff.get_by_test_id("employer-link")).not_to_have_attribute("href", first_link)
    link, code = read_the_qr_code(staff, case_id)
    expect(staff.get_by_test_id("offer-sync")).to_have_text(
        "本机尚未同步：平板联网同步后，对方才能打开此链接"
    )

    page = phone.new_page()  # the employer's phone has its own network
    page.goto(link)
    page.get_by_label("验证码", exact=True).fill(code)
    page.get_by_role("button", name="使用验证码").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("工作人员的平板尚未同步此案件，请稍后再试")
    page.screenshot(path=artifacts / "employer-link-not-synced-390x844.png", full_page=True)

    tablet.set_offline(False)
    staff.get_by_role("button", name="重试").click()
    expect(staff.get_by_test_id("offer-sync")).to_have_text(
        "已同步，对方现在可以打开链接", timeout=20_000
    )
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    page.get_by_label("验证码", exact=True).fill(wrong)
    page.get_by_role("button", name="使用验证码").click()
    expect(alert).to_contain_text("验证码不正确，还可以再试 4 次。")
    page.get_by_label("验证码", exact=True).fill(f"{code[:3]} {code[3:]}")
    page.get_by_role("button", name="使用验证码").click()
    set_pin(page, "8642")
    expect(page).to_have_url(re.compile(rf"/employer/case/{case_id}$"))
    employer_fills_signs_and_submits(page)
    staff_sees_the_case_submitted(staff)


def test_the_qr_page_and_the_link_page_have_no_serious_accessibility_violations(
    browser: Browser, app: App
) -> None:
    def context(size: ViewportSize) -> BrowserContext:
        # bypass_csp: axe is injected as an inline script, which the app's CSP refuses.
        return browser.new_context(
            viewport=size, locale="zh-CN", base_url=app.base_url, bypass_csp=True
        )

    tablet, phone = context(TABLET), context(PHONE)
    try:
        staff, case_id = staff_opens_a_registration(tablet)
        link, _ = staff_shows_the_qr_code(staff, case_id)
        assert blocking_violations(staff) == []
        page = phone.new_page()
        page.goto(link)
        expect(page.get_by_role("button", name="使用验证码")).to_be_visible()
        assert blocking_violations(page) == []
    finally:
        tablet.close()
        phone.close()
