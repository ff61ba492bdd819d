"""Background Sync through the PWA's own service worker (src/sw.ts), in real Chromium.

The worker cannot send queued work itself: the outbox and the token are sealed with the
PIN's data key (features/security). On the `doorstep-sync` event it wakes the open windows,
an unlocked one syncs and answers; with none, the event fails (the browser retries later)
and the work stays queued on the device until the app is opened and unlocked.
Chromium's own Background Sync log (DevTools BackgroundService domain) shows each step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, CDPSession, Page, expect

from .conftest import App
from .device_pin import unlock
from .test_staff_cases import MEMBER_ID, PIN, field, graphql, open_cases_synced, staff_token

pytestmark = pytest.mark.browser

SYNC_TAG = "doorstep-sync"
NEW_PHONE = "13812345678"
CASE_FIELDS = "query($id: ID!) { case(id: $id) { fields } }"

# The page's own `online` listener (sync client) would send the work by itself; silenced,
# so only the worker's wake can send it (as when a backgrounded tab misses the event).
SILENCE_ONLINE = (
    "() => window.addEventListener('online', (e) => e.stopImmediatePropagation(), true)"
)
RECORD_WAKES = """() => {
    window.__wakes = []
    navigator.serviceWorker.addEventListener('message', (e) => window.__wakes.push(e.data))
}"""
SYNC_TAGS = "async () => (await navigator.serviceWorker.ready).sync.getTags()"


def server_phone(app: App, case_id: str) -> Any:
    fields = graphql(app, CASE_FIELDS, {"id": case_id}, staff_token(app))["case"]["fields"]
    return fields.get("phone")


def record_background_sync(cdp: CDPSession) -> list[tuple[str, dict[str, str]]]:
    """Chromium's Background Sync log of this profile: (event name, metadata) in order."""
    events: list[tuple[str, dict[str, str]]] = []

    def received(payload: dict[str, Any]) -> None:
        event = payload["backgroundServiceEvent"]
        if event["instanceId"] == SYNC_TAG:
            meta = {item["key"]: item["value"] for item in event["eventMetadata"]}
            events.append((event["eventName"], meta))

    cdp.on("BackgroundService.backgroundServiceEventReceived", received)
    cdp.send("BackgroundService.startObserving", {"service": "backgroundSync"})
    cdp.send("BackgroundService.setRecording", {"shouldRecord": True, "service": "backgroundSync"})
    return events


def wait_until(page: Page, done: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(250)


def synced_case(page: Page, controlled: bool = True) -> str:
    """staff1 with a PIN, and a case the server already has. The first visit is not
    controlled by the worker (it claims no clients); `controlled` reloads once."""
    open_cases_synced(page)
    if controlled:
        page.reload()
        unlock(page, PIN)
        expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)
    assert page.evaluate("() => navigator.serviceWorker.controller !== null") is controlled
    page.get_by_test_id("new-withdrawal").click()
    field(page, "name").fill("熊瑶")
    page.wait_for_url("**/cases/*/edit")
    case_id = page.url.split("/cases/")[1].split("/")[0]
    field(page, "id_number").fill(MEMBER_ID)
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")  # in the outbox
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=30_000)
    return case_id


def edit_offline(phone: BrowserContext, page: Page, app: App, case_id: str) -> None:
    phone.set_offline(True)
    field(page, "phone").fill(NEW_PHONE)
    expect(page.get_by_test_id("save-state")).to_have_text("草稿已保存在本机")  # queued
    expect(page.get_by_test_id("sync-bar")).to_contain_text("未发送 (1)", timeout=10_000)
    assert page.evaluate(SYNC_TAGS) == [SYNC_TAG]  # registered by the app while offline
    assert server_phone(app, case_id) is None


@pytest.mark.parametrize("controlled", [True, False], ids=["controlled", "first-visit"])
def test_an_offline_edit_is_sent_when_the_worker_wakes_the_unlocked_window(
    phone: BrowserContext, app: App, controlled: bool
) -> None:
    page = phone.new_page()
    case_id = synced_case(page, controlled)
    page.evaluate(SILENCE_ONLINE)
    page.evaluate(RECORD_WAKES)
    events = record_background_sync(phone.new_cdp_session(page))

    edit_offline(phone, page, app, case_id)

    phone.set_offline(False)
    wait_until(page, lambda: any(name == "Sync completed" for name, _ in events), "no sync event")
    assert events[-2:] == [
        ("Dispatched sync event", {"Last Chance": "No"}),
        ("Sync completed", {"Status": "succeeded"}),
    ]
    # one dispatch in all, and nothing failed: no sync event was fired while offline
    assert [name for name, _ in events].count("Dispatched sync event") == 1, events
    assert not any(name == "sync event failed" for name, _ in events), events
    assert page.evaluate("() => window.__wakes") == [
        {"type": "doorstep-sync:wake", "tag": SYNC_TAG}
    ]
    assert server_phone(app, case_id) == NEW_PHONE
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=10_000)
    assert page.evaluate(SYNC_TAGS) == []


def test_with_the_app_closed_the_sync_fails_and_the_work_waits_for_the_pin(
    phone: BrowserContext, app: App
) -> None:
    page = phone.new_page()
    case_id = synced_case(page)
    watcher = phone.new_page()  # about:blank: not a window the worker can wake
    events = record_background_sync(phone.new_cdp_session(watcher))

    edit_offline(phone, page, app, case_id)
    page.close()
    phone.set_offline(False)
    wait_until(watcher, lambda: len(events) >= 3, f"no sync event: {events}")
    assert events[-2:] == [
        ("Dispatched sync event", {"Last Chance": "No"}),
        (
            "sync event failed",
            {"Next Attempt Delay (ms)": "300000", "Failure Reason": "waitUntil rejected"},
        ),
    ]
    # the sync event has ended (waitUntil rejected): the worker sent nothing, it cannot
    # unseal the session
    assert server_phone(app, case_id) is None

    # Still queued on the device: the app sends it once opened and unlocked with the PIN.
    page = phone.new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="请输入 PIN")).to_be_visible(timeout=20_000)
    unlock(page, PIN)
    wait_until(page, lambda: server_phone(app, case_id) == NEW_PHONE, "not sent after unlock")
    page.get_by_role("tab", name="任务").click()
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=10_000)
