"""Remote wipe in real Chromium: a revoked tablet sends its offline case, then forgets it all.

staff1 signs in, sets a PIN and starts a case offline; the team's supervisor revokes that
tablet (``revokeDevice`` with its sync client id). When the tablet is back online its one
last push brings the case to the server; then it drops its IndexedDB data, sealed session
and PIN vault and shows the sign-in page with a Chinese explanation.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Request, expect

from .conftest import App
from .device_pin import set_pin
from .sync_setup import graphql, login
from .test_pwa_shell import sign_in_and_settle, wait_for_active_service_worker

pytestmark = pytest.mark.browser

PIN = "2468"
MEMBER = "龙晓燕"
REVOKE = "mutation($c: ID!) { revokeDevice(clientId: $c) { username } }"
CASE = "query($id: ID!) { case(id: $id) { id status fields } }"
DOORSTEP_DATABASES = """async () => (await indexedDB.databases())
    .map((db) => db.name).filter((name) => name && name.startsWith('doorstep'))"""
DOORSTEP_KEYS = """() => Object.keys(window.localStorage)
    .filter((key) => key.startsWith('doorstep.') && key !== 'doorstep.locale')"""


def _client_id_of(request: Request, seen: list[str]) -> None:
    """The tablet's sync client id, as its pull and push send it."""
    if not request.url.endswith("/graphql") or request.method != "POST":
        return
    body: Any = request.post_data_json or {}
    variables = body.get("variables") or {}
    client_id = variables.get("clientId") or (variables.get("input") or {}).get("clientId")
    if isinstance(client_id, str):
        seen.append(client_id)


def _server_case(app: App, token: str, case_id: str) -> dict[str, Any] | None:
    try:
        found: dict[str, Any] = graphql(app.base_url, CASE, {"id": case_id}, token)["case"]
    except AssertionError:  # NOT_FOUND until the push arrives
        return None
    return found


def test_a_revoked_tablet_sends_its_offline_case_then_wipes_itself(
    tablet: BrowserContext, app: App, artifacts: Path
) -> None:
    page = tablet.new_page()
    client_ids: list[str] = []
    page.on("request", lambda request: _client_id_of(request, client_ids))

    page.goto("/")
    sign_in_and_settle(page)
    assert wait_for_active_service_worker(page) == "activated"
    page.get_by_role("tab", name="任务").click()
    set_pin(page, PIN)
    expect(page).to_have_url(re.compile(r"/cases$"))
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)
    assert page.evaluate(DOORSTEP_DATABASES) != []  # the sealed sync database exists
    assert client_ids, "the tablet pulled with its client id"
    client_id = client_ids[-1]

    # Offline: a new case stays on the tablet, queued.
    tablet.set_offline(True)
    page.get_by_test_id("new-withdrawal").click()
    page.get_by_test_id("field-name").locator("input").fill(MEMBER)
    page.wait_for_url("**/cases/*/edit")  # created with the first thing typed
    case_id = page.url.split("/cases/")[1].split("/")[0]
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")

    # The supervisor revokes the tablet; the staff member's session there ends at once.
    supervisor = login(app.base_url, "supervisor1")
    revoked = graphql(app.base_url, REVOKE, {"c": client_id}, supervisor)
    assert revoked["revokeDevice"]["username"] == "staff1"
    staff = login(app.base_url, "staff1")  # another sign-in, to look at the server
    assert _server_case(app, staff, case_id) is None  # still only on the tablet

    # Back online: the last push saves the case, then the tablet wipes itself.
    tablet.set_offline(False)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("此设备已被停用", timeout=30_000)
    expect(dialog).to_contain_text("本机数据、登录信息和密钥已清除")
    expect(page.get_by_label("用户名", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/login"))
    page.screenshot(path=artifacts / "security-remote-wipe-768x1024.png")

    on_server = _server_case(app, staff, case_id)
    assert on_server is not None, "the case reached the server before the wipe"
    assert on_server["fields"]["name"] == MEMBER
    deadline = time.monotonic() + 30
    while page.evaluate(DOORSTEP_DATABASES) and time.monotonic() < deadline:
        page.wait_for_timeout(100)  # deleteDatabase finishes once the last connection closes
    assert page.evaluate(DOORSTEP_DATABASES) == []
    assert page.evaluate(DOORSTEP_KEYS) == []  # no sealed session, no PIN vault

    dialog.get_by_role("button", name="知道了").click()
    expect(dialog).to_be_hidden()
