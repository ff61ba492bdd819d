"""Field staff in real Chromium against the real app: a home-visit withdrawal made offline."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.sample_documents import FIXTURES

from .conftest import PHONE, TABLET, App
from .device_pin import set_pin, unlock
from .test_pwa_shell import DEMO_PASSWORD, sign_in_and_settle, wait_for_active_service_worker

pytestmark = pytest.mark.browser

SHARP_LOAN_CONTRACT = FIXTURES / "loan_contract" / "d894a71a89.jpg"  # truth: not blurry
BLURRED_LOAN_CONTRACT = FIXTURES / "loan_contract" / "95176942b1.jpg"  # truth: blurry
MEMBER_ID = "520221197212046745"  # valid GB 11643 check digit (熊瑶, from the fixture)
PIN = "2468"


def graphql(app: App, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310 (loopback test server)
        app.url("/graphql"),
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers=headers,
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        body = json.load(response)
    assert "errors" not in body, body
    return body["data"]


def staff_token(app: App) -> str:
    data = graphql(
        app,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
        {"u": "staff1", "p": DEMO_PASSWORD},
    )
    token: str = data["login"]["token"]
    return token


def field(page: Page, key: str) -> Any:
    return page.get_by_test_id(f"field-{key}").locator("input")


def open_cases_synced(page: Page) -> None:
    """Signs staff1 in; the task list first asks for a PIN (its data stays on the device)."""
    page.goto("/")
    sign_in_and_settle(page)
    assert wait_for_active_service_worker(page) == "activated"
    page.get_by_role("tab", name="任务").click()
    set_pin(page, PIN)
    expect(page).to_have_url(re.compile(r"/cases$"))
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)


def test_a_withdrawal_made_offline_survives_a_reload_and_syncs_with_its_photo(
    phone: BrowserContext, app: App, artifacts: Path
) -> None:
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_cases_synced(page)
    page.screenshot(path=artifacts / "staff-cases-390x844.png")

    phone.set_offline(True)
    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")  # created with the first thing typed
    case_id = page.url.split("/cases/")[1].split("/")[0]
    field(page, "id_number").fill(MEMBER_ID)
    field(page, "phone").fill("13812345678")
    field(page, "address").fill("贵州省六盘水市钟山区人民路1号")
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="06 偿还购房贷款本息").click()
    field(page, "amount").fill("12000")
    field(page, "bank_account").fill("6222021234567890123")
    expect(page.get_by_test_id("materials")).to_contain_text("借款合同")

    page.get_by_test_id("photo-input-loan_contract").set_input_files(SHARP_LOAN_CONTRACT)
    slot = page.locator("[data-testid=photo-slot][data-doc-type=loan_contract]")
    expect(slot.get_by_test_id("photo-status")).to_have_text("待上传", timeout=20_000)
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")  # in the outbox
    page.screenshot(path=artifacts / "staff-withdrawal-form-offline-390x844.png", full_page=True)

    page.reload()  # still offline: served by the service worker, data from IndexedDB
    expect(page.get_by_role("heading", name="请输入 PIN")).to_be_visible(timeout=20_000)
    unlock(page, PIN)  # the sealed session and drafts open offline with the PIN
    expect(field(page, "name")).to_have_value("熊瑶", timeout=20_000)
    expect(field(page, "id_number")).to_have_value(MEMBER_ID)
    expect(field(page, "amount")).to_have_value("12000.00")
    expect(page.get_by_test_id("field-withdrawal_reason").locator("input")).to_have_value(
        "06 偿还购房贷款本息"
    )
    expect(slot.get_by_test_id("photo-status")).to_have_text("待上传")

    page.get_by_test_id("submit-case").click()
    page.get_by_role("dialog").get_by_role("button", name="仍要提交").click()
    expect(page.get_by_test_id("case-detail")).to_have_attribute("data-status", "submitted")
    page.get_by_test_id("unsent-link").click()
    expect(page.get_by_test_id("unsent-upload")).to_have_count(1)
    expect(page.get_by_test_id("unsent-mutation").first).to_be_visible()
    page.screenshot(path=artifacts / "staff-unsent-offline-390x844.png", full_page=True)

    phone.set_offline(False)
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)
    token = staff_token(app)
    query = "query($id: ID!) { case(id: $id) { status fields documents { docType status } } }"
    deadline = time.monotonic() + 30
    while True:
        found = graphql(app, query, {"id": case_id}, token)["case"]
        statuses = {d["docType"]: d["status"] for d in found["documents"]}
        if statuses.get("loan_contract") in {"uploaded", "processing", "processed"}:
            break
        assert time.monotonic() < deadline, found
        time.sleep(0.5)
    assert found["status"] in {"submitted", "processing", "needs_review"}
    assert found["fields"]["withdrawal_reason"] == "06"
    assert found["fields"]["id_number"] == MEMBER_ID
    assert "visit_started_at" in found["fields"]
    assert "visit_ended_at" in found["fields"]

    page.get_by_role("tab", name="任务").click()
    item = page.locator(f"[data-testid=case-item][data-case-id='{case_id}']")
    expect(item.get_by_test_id("case-sync")).to_have_attribute("data-sync", "synced")
    item.click()
    expect(page.get_by_test_id("case-detail")).to_be_visible()
    page.screenshot(path=artifacts / "staff-case-detail-390x844.png", full_page=True)
    assert errors == []


def test_a_blurred_photo_is_refused_at_once_and_a_wrong_id_check_digit_shows_while_typing(
    tablet: BrowserContext, artifacts: Path
) -> None:
    page = tablet.new_page()
    open_cases_synced(page)
    page.screenshot(path=artifacts / "staff-cases-768x1024.png")
    page.get_by_test_id("new-withdrawal").click()
    expect(page).to_have_url(re.compile(r"/cases/new/withdrawal$"))  # nothing typed: no case yet

    id_input = field(page, "id_number")
    id_input.press_sequentially(MEMBER_ID[:17])
    expect(page.get_by_test_id("field-id_number")).not_to_contain_text("校验位")
    id_input.press_sequentially("6")  # wrong check digit (5 is right)
    expect(page.get_by_test_id("field-id_number")).to_contain_text("身份证号校验位错误，请核对")

    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="06 偿还购房贷款本息").click()
    page.get_by_test_id("photo-input-loan_contract").set_input_files(BLURRED_LOAN_CONTRACT)
    expect(page.get_by_test_id("photo-blurred")).to_have_text("照片模糊，请重拍", timeout=20_000)
    slot = page.locator("[data-testid=photo-slot][data-doc-type=loan_contract]")
    expect(slot.get_by_test_id("photo-status")).to_have_count(0)
    page.screenshot(path=artifacts / "staff-blurred-photo-768x1024.png")

    page.get_by_test_id("photo-input-loan_contract").set_input_files(SHARP_LOAN_CONTRACT)
    expect(slot.get_by_test_id("photo-status")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("photo-blurred")).to_have_count(0)


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390x844", "768x1024"])
def test_the_staff_screens_fit_phone_and_tablet(
    phone: BrowserContext, viewport: Any, artifacts: Path
) -> None:
    page = phone.new_page()
    page.set_viewport_size(viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    open_cases_synced(page)
    page.get_by_test_id("case-search").locator("input").fill("李娜")  # a demo case of staff1
    expect(page.get_by_test_id("case-item")).to_have_count(1)
    page.get_by_role("tab", name="待审核").click()
    expect(page.get_by_test_id("case-item")).to_have_count(1)
    page.get_by_role("tab", name="已通过").click()
    expect(page.get_by_test_id("case-item")).to_have_count(0)
    page.get_by_test_id("case-search").locator("input").fill("")
    page.get_by_role("tab", name="全部").click()
    expect(page.get_by_test_id("case-item").first).to_be_visible()
    page.screenshot(path=artifacts / f"staff-cases-{size}.png")
    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="06 偿还购房贷款本息").click()
    expect(page.get_by_test_id("materials")).to_contain_text("借款合同")
    expect(page.locator(".van-action-sheet")).to_be_hidden()  # the reason list has closed
    page.screenshot(path=artifacts / f"staff-withdrawal-form-{size}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.get_by_test_id("unsent-link").click()
    expect(page.get_by_test_id("unsent")).to_be_visible()
    page.screenshot(path=artifacts / f"staff-unsent-{size}.png", full_page=True)
    page.get_by_role("tab", name="任务").click()
    page.get_by_test_id("new-unit").click()
    field(page, "uscc").fill("91520221MA677WCG7A")
    page.wait_for_url("**/cases/*/edit")
    field(page, "unit_deposit_ratio").fill("15")
    expect(page.get_by_test_id("field-unit_deposit_ratio")).to_contain_text("5%–12%")
    page.screenshot(path=artifacts / f"staff-unit-form-{size}.png", full_page=True)
    page.get_by_role("tab", name="知识库").click()
    expect(page.get_by_test_id("knowledge")).to_be_visible()
    page.screenshot(path=artifacts / f"staff-knowledge-{size}.png")
    page.get_by_role("tab", name="消息").click()
    expect(page.get_by_test_id("inbox")).to_be_visible()
    page.screenshot(path=artifacts / f"staff-inbox-{size}.png")
    # Scrolling must stay vertical: nothing wider than the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]


def sign_on_the_pad(page: Page) -> None:
    canvas = page.get_by_test_id("signature-canvas")
    canvas.evaluate("element => element.scrollIntoView({block: 'center'})")  # not under the tab bar
    canvas.hover(position={"x": 30, "y": 60})
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 20, box["y"] + 60 + (step % 3) * 25)
    page.mouse.up()
    page.get_by_test_id("signature-save").click()
    expect(page.get_by_test_id("signature-saved")).to_be_visible()


def test_a_returned_case_shows_the_supervisors_reason_and_is_corrected_and_resubmitted(
    phone: BrowserContext, app: App, artifacts: Path
) -> None:
    page = phone.new_page()
    open_cases_synced(page)
    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")  # created with the first thing typed
    case_id = page.url.split("/cases/")[1].split("/")[0]
    field(page, "id_number").fill(MEMBER_ID)
    field(page, "phone").fill("13812345678")
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="03 离休、退休").click()
    field(page, "amount").fill("5000")
    field(page, "bank_account").fill("6222021234567890123")
    sign_on_the_pad(page)
    phone.grant_permissions(["geolocation"])
    phone.set_geolocation({"latitude": 26.5934, "longitude": 104.8303, "accuracy": 20})
    page.get_by_role("button", name="记录位置").click()
    expect(page.get_by_text("26.593400,104.830300,20")).to_be_visible()
    page.get_by_test_id("submit-case").click()
    page.get_by_role("dialog").get_by_role("button", name="仍要提交").click()  # no ID photo
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)

    supervisor = graphql(
        app,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
        {"u": "supervisor1", "p": DEMO_PASSWORD},
    )["login"]["token"]
    reason = "身份证照片缺失，请补拍后重新提交"
    graphql(
        app,
        "mutation($id: ID!, $r: String) {"
        " reviewCase(id: $id, decision: RETURN, reason: $r) { status } }",
        {"id": case_id, "r": reason},
        supervisor,
    )

    page.get_by_role("button", name="立即同步").click()
    expect(page.get_by_test_id("case-status")).to_have_text("已退回", timeout=20_000)
    expect(page.get_by_test_id("return-reason")).to_contain_text(reason)
    page.screenshot(path=artifacts / "staff-returned-case-390x844.png", full_page=True)

    page.get_by_test_id("correct-case").click()
    expect(field(page, "name")).to_have_value("熊瑶")
    field(page, "phone").fill("13900001111")
    page.get_by_test_id("submit-case").click()
    page.get_by_role("dialog").get_by_role("button", name="仍要提交").click()
    expect(page.get_by_test_id("case-status")).to_have_text("已提交")
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)

    found = graphql(
        app,
        "query($id: ID!) { case(id: $id) { status fields documents { docType sha256 } } }",
        {"id": case_id},
        staff_token(app),
    )["case"]
    assert found["status"] in {"submitted", "processing", "needs_review"}
    assert found["fields"]["phone"] == "13900001111"
    assert found["fields"]["visit_location"] == "26.593400,104.830300,20"
    signatures = [d for d in found["documents"] if d["docType"] is None]
    assert [d["sha256"] for d in signatures] == [found["fields"]["signature"]]


def test_an_offline_edit_refused_by_the_server_shows_sync_failed_with_the_reason(
    phone: BrowserContext, app: App, artifacts: Path
) -> None:
    page = phone.new_page()
    open_cases_synced(page)
    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")  # created with the first thing typed
    case_id = page.url.split("/cases/")[1].split("/")[0]
    field(page, "id_number").fill(MEMBER_ID)
    page.get_by_test_id("field-withdrawal_reason").click()
    page.get_by_role("button", name="03 离休、退休").click()
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")  # in the outbox
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)

    phone.set_offline(True)
    field(page, "phone").fill("13812345678")
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")
    page.get_by_role("tab", name="任务").click()

    # Meanwhile the supervisor submits and approves it: the server's decision wins.
    supervisor = graphql(
        app,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
        {"u": "supervisor1", "p": DEMO_PASSWORD},
    )["login"]["token"]
    pushed = graphql(
        app,
        "mutation($i: PushInput!) { push(input: $i) { results { status error { code } } } }",
        {
            "i": {
                "clientId": f"supervisor-test-{case_id[:8]}",
                "protocolVersion": 1,
                "mutations": [{"id": 1, "name": "submitCase", "args": {"id": case_id}}],
            }
        },
        supervisor,
    )
    assert pushed["push"]["results"][0]["status"] == "applied", pushed
    graphql(
        app,
        "mutation($id: ID!) { reviewCase(id: $id, decision: APPROVE) { status } }",
        {"id": case_id},
        supervisor,
    )

    phone.set_offline(False)
    item = page.locator(f"[data-testid=case-item][data-case-id='{case_id}']")
    sync_tag = item.get_by_test_id("case-sync")
    expect(sync_tag).to_have_attribute("data-sync", "failed", timeout=30_000)
    expect(item.get_by_test_id("case-sync")).to_contain_text("同步失败")
    expect(page.get_by_test_id("sync-bar")).to_contain_text("1 项同步失败")
    page.screenshot(path=artifacts / "staff-sync-failed-390x844.png")

    page.get_by_test_id("unsent-link").click()
    rejected = page.get_by_test_id("unsent-rejected")
    expect(rejected).to_have_count(1)
    rejected.get_by_role("button", name="知道了").click()
    page.get_by_role("dialog").get_by_role("button", name="取消").click()
    expect(rejected).to_have_count(1)  # nothing goes without an explicit confirmation
    rejected.get_by_role("button", name="知道了").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(rejected).to_have_count(0)
