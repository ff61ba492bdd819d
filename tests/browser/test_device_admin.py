"""设备管理 in real Chromium: a supervisor finds a team member's tablet and stops it.

staff1 signs in on a tablet and syncs once (the server learns its sync client id).
supervisor1 opens 我的 → 设备管理, sees that tablet under 王芳 with its last sync, stops it
after a confirmation that explains what will happen; the row then shows 已停用 and the
server refuses that client id with ``DEVICE_REVOKED``. axe-core finds no serious or
critical violations on the page (list and confirmation dialog).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Request, expect

from .conftest import TABLET, App
from .device_pin import set_pin, unlock
from .sync_setup import graphql, login
from .test_a11y_screens import blocking_violations, sign_in
from .test_pwa_shell import sign_in_and_settle

pytestmark = pytest.mark.browser

PULL = "query($c: ID!) { pull(clientId: $c, cursor: null) { cursor } }"
DEVICES = "query($u: ID) { devices(userId: $u) { clientId revoked revokedBy { username } } }"


def _client_id_of(request: Request, seen: list[str]) -> None:
    """The tablet's sync client id, as its pull and push send it."""
    if not request.url.endswith("/graphql") or request.method != "POST":
        return
    body: Any = request.post_data_json or {}
    variables = body.get("variables") or {}
    client_id = variables.get("clientId") or (variables.get("input") or {}).get("clientId")
    if isinstance(client_id, str):
        seen.append(client_id)


def _error_codes(base_url: str, query: str, variables: dict[str, Any], token: str) -> list[str]:
    request = urllib.request.Request(  # noqa: S310 (loopback test server)
        base_url + "/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        body: dict[str, Any] = json.loads(response.read())
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def test_supervisor_stops_a_team_members_tablet(
    tablet: BrowserContext, browser: Browser, app: App, artifacts: Path
) -> None:
    # staff1's tablet signs in and syncs once.
    staff_page = tablet.new_page()
    client_ids: list[str] = []
    staff_page.on("request", lambda request: _client_id_of(request, client_ids))
    staff_page.goto("/")
    sign_in_and_settle(staff_page)
    staff_page.get_by_role("tab", name="任务").click()
    set_pin(staff_page, "2468")
    expect(staff_page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)
    assert client_ids, "the tablet pulled with its client id"
    client_id = client_ids[-1]

    # supervisor1 opens 我的 → 设备管理 (bypass_csp: axe is injected as an inline script).
    context = browser.new_context(
        viewport=TABLET, locale="zh-CN", base_url=app.base_url, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto("/me")
        sign_in(page, "supervisor1")
        page.get_by_test_id("me-devices").click()
        expect(page).to_have_url(re.compile(r"/admin/devices$"))
        row_selector = f'[data-client-id="{client_id}"]'
        row = page.get_by_test_id("device-admin").locator(row_selector)
        expect(row).to_contain_text("最近同步：")
        person = page.get_by_test_id("device-person").filter(has=page.locator(row_selector))
        expect(person).to_contain_text("王芳（staff1）")
        expect(row).not_to_contain_text("已停用")
        assert blocking_violations(page) == []

        # Stop it: the confirmation says what the tablet will do.
        row.get_by_role("button", name="停用此设备").click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("停用此设备？")
        expect(dialog).to_contain_text("先上传尚未发送的工作，然后清除平板上的本地数据")
        assert blocking_violations(page) == []
        dialog.get_by_role("button", name="停用", exact=True).click()
        expect(row).to_contain_text("已停用", timeout=10_000)
        expect(row).to_contain_text("由 张主管 停用")  # who stopped it
        expect(row.get_by_role("button", name="停用此设备")).to_have_count(0)
        page.screenshot(path=artifacts / "device-admin-768x1024.png")
        assert blocking_violations(page) == []
    finally:
        context.close()

    # The server lists it as revoked and refuses that device from now on.
    supervisor = login(app.base_url, "supervisor1")
    listed = {d["clientId"]: d for d in graphql(app.base_url, DEVICES, {}, supervisor)["devices"]}
    assert listed[client_id]["revoked"] is True
    assert listed[client_id]["revokedBy"] == {"username": "supervisor1"}
    staff = login(app.base_url, "staff1")  # a new sign-in presenting the stopped client id
    assert _error_codes(app.base_url, PULL, {"c": client_id}, staff) == ["DEVICE_REVOKED"]

    # The tablet itself is told at its next contact and wipes itself.
    staff_page.reload()
    unlock(staff_page, "2468")  # a reload locks local data behind the PIN
    expect(staff_page.get_by_role("dialog")).to_contain_text("此设备已被停用", timeout=30_000)
    expect(staff_page).to_have_url(re.compile(r"/login"))
