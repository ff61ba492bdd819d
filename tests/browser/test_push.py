"""Web Push in real Chromium: the service worker shows pushes, clicks open the page, and the
「接收推送通知」 switch explains why push could not be turned on.

A push message is handed to the registered service worker through the Chrome DevTools
Protocol (`ServiceWorker.deliverPushMessage`), with the payload the server encrypts
(backend/notifications/README.md); no push service can be reached from here.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, Playwright, expect

from .conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, PWA_DIR, App
from .device_pin import set_pin
from .test_pwa_shell import sign_in_and_settle, wait_for_active_service_worker

pytestmark = pytest.mark.browser

PIN = "246810"
CASE_ID = "6f1c2a9e-0d1b-4c8e-9a51-3f0e8b7d2c44"
RETURNED = {
    "title": "案件（张伟）已退回",
    "body": "退回原因：身份证照片模糊",
    "caseId": CASE_ID,
    "url": f"/cases/{CASE_ID}",
}
AXE = PWA_DIR / "node_modules" / "axe-core" / "axe.min.js"
NOTIFICATIONS = """async () => {
    const registration = await navigator.serviceWorker.ready
    const shown = await registration.getNotifications()
    return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data }))
}"""


@pytest.fixture
def notifying(browser: Browser, app: App) -> Iterator[BrowserContext]:
    """A phone profile where the site may show notifications."""
    context = browser.new_context(
        viewport=PHONE, locale="zh-CN", base_url=app.base_url, permissions=["notifications"]
    )
    yield context
    context.close()


@pytest.fixture
def profile_on_disk(playwright: Playwright, app: App) -> Iterator[BrowserContext]:
    """A normal (not incognito) profile: Chrome offers push only there, so subscribe really
    goes to the browser's push service, which cannot be reached from this machine."""
    with tempfile.TemporaryDirectory(prefix="doorstep-push-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport=PHONE,
            locale="zh-CN",
            base_url=app.base_url,
            permissions=["notifications"],
        )
        yield context
        context.close()


def open_inbox(page: Page) -> None:
    """Signs in as staff1 and opens 消息 (a PIN protects the device first)."""
    page.goto("/")
    sign_in_and_settle(page)
    assert wait_for_active_service_worker(page) == "activated"
    page.goto("/inbox")
    set_pin(page, PIN)
    expect(page.get_by_test_id("inbox")).to_be_visible()


def registration_id(cdp: CDPSession, page: Page, scope: str) -> str:
    """The service worker registration id DevTools knows for `scope`."""
    registrations: list[dict[str, Any]] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for registration in registrations:
            if registration["scopeURL"] == scope and not registration["isDeleted"]:
                found: str = registration["registrationId"]
                return found
        page.wait_for_timeout(100)  # lets Playwright deliver the CDP events meanwhile
    raise AssertionError(f"no service worker registration for {scope}: {registrations}")


# What the worker tells open windows about pushes, and what DevTools reports about it: said
# when a push shows no notification (did the worker get it? did it fail?).
RECORD_WORKER_MESSAGES = """() => {
    window.__workerMessages = []
    navigator.serviceWorker.addEventListener('message', (e) => window.__workerMessages.push(e.data))
}"""
WORKER_EVENTS: dict[int, list[Any]] = {}


def deliver_push(context: BrowserContext, page: Page, app: App, data: str) -> None:
    page.evaluate(RECORD_WORKER_MESSAGES)
    cdp = context.new_cdp_session(page)
    events = WORKER_EVENTS.setdefault(id(page), [])
    for name in ("workerVersionUpdated", "workerErrorReported"):
        cdp.on(f"ServiceWorker.{name}", lambda event, name=name: events.append((name, event)))
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": app.base_url,
            "registrationId": registration_id(cdp, page, app.url("/")),
            "data": data,
        },
    )


def shown_notifications(page: Page, count: int) -> list[dict[str, Any]]:
    """The notifications the service worker has shown, once there are `count` of them."""
    # polled: wait_for_function takes a returned promise for a truthy answer
    deadline = time.monotonic() + 30
    while True:
        shown: list[dict[str, Any]] = page.evaluate(NOTIFICATIONS)
        if len(shown) >= count:
            return shown
        if time.monotonic() > deadline:
            messages = page.evaluate("() => window.__workerMessages")
            raise AssertionError(
                f"expected {count} notification(s), saw {shown}; worker messages {messages}; "
                f"DevTools: {WORKER_EVENTS.get(id(page))}"
            )
        page.wait_for_timeout(100)


def test_a_push_about_a_case_shows_its_chinese_title_and_opens_the_case(
    notifying: BrowserContext, app: App
) -> None:
    page = notifying.new_page()
    open_inbox(page)

    deliver_push(notifying, page, app, json.dumps(RETURNED, ensure_ascii=False))

    [shown] = shown_notifications(page, 1)
    assert shown == {
        "title": "案件（张伟）已退回",
        "body": "退回原因：身份证照片模糊",
        "tag": f"case:{CASE_ID}",
        "data": {"url": f"/cases/{CASE_ID}"},
    }


def test_an_unreadable_push_still_shows_a_generic_notification_for_the_inbox(
    notifying: BrowserContext, app: App
) -> None:
    page = notifying.new_page()
    open_inbox(page)

    deliver_push(notifying, page, app, "not json")

    [shown] = shown_notifications(page, 1)
    assert shown["title"] == "您有新消息"
    assert shown["tag"] == "inbox"
    assert shown["data"] == {"url": "/inbox"}


def test_clicking_a_notification_shows_the_case_in_the_open_window_without_reloading(
    notifying: BrowserContext, app: App
) -> None:
    page = notifying.new_page()
    open_inbox(page)
    deliver_push(notifying, page, app, json.dumps(RETURNED, ensure_ascii=False))
    shown_notifications(page, 1)
    page.evaluate("window.__stillTheSamePage = true")

    # Headless Chromium cannot click a system notification: the service worker's own
    # notificationclick handler is run with the notification it showed. (waitUntil refuses
    # an untrusted event after the handler has started its work; the work still runs.)
    [worker] = [w for w in notifying.service_workers if w.url == app.url("/sw.js")]
    worker.evaluate(
        """async () => {
            const [notification] = await self.registration.getNotifications()
            self.dispatchEvent(new NotificationEvent('notificationclick', { notification }))
        }"""
    )

    expect(page).to_have_url(app.url(f"/cases/{CASE_ID}"))
    assert page.evaluate("window.__stillTheSamePage") is True  # the router moved, no reload
    assert page.evaluate(NOTIFICATIONS) == []  # the clicked notification is closed


def test_the_switch_says_so_when_notifications_are_blocked(browser: Browser, app: App) -> None:
    # bypass_csp: axe is injected as an inline script, which the app's CSP rightly refuses.
    context = browser.new_context(
        viewport=PHONE, locale="zh-CN", base_url=app.base_url, bypass_csp=True
    )
    page = context.new_page()  # headless Chromium answers the permission prompt with "denied"
    open_inbox(page)
    switch = page.get_by_role("switch", name="接收推送通知")
    expect(switch).to_have_attribute("aria-checked", "false")

    switch.click()

    expect(page.get_by_role("alert")).to_contain_text("通知权限已被拒绝")
    expect(page.get_by_role("alert")).to_contain_text("新消息仍会在「消息」中显示")
    expect(switch).to_have_attribute("aria-checked", "false")
    assert serious_accessibility_problems(page) == []
    context.close()


def serious_accessibility_problems(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate(
        "() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })"
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_in_a_private_window_the_switch_says_this_browser_has_no_push(
    notifying: BrowserContext,
) -> None:
    page = notifying.new_page()  # Playwright's contexts are incognito profiles
    open_inbox(page)

    page.get_by_role("switch", name="接收推送通知").click()

    expect(page.get_by_role("alert")).to_contain_text("此浏览器（或无痕窗口）不支持推送通知")


def test_the_switch_explains_an_unreachable_push_service_and_stays_off(
    profile_on_disk: BrowserContext, app: App, artifacts: Path
) -> None:
    page = profile_on_disk.new_page()
    operations: list[str] = []
    page.on("request", lambda request: operations.append(request.post_data or ""))
    open_inbox(page)
    switch = page.get_by_role("switch", name="接收推送通知")
    # subscribe waits for Chrome's push service (as in mainland China) until the app gives
    # up (SUBSCRIBE_TIMEOUT_MS, 20 s): the page's clock runs that wait out at once. Should
    # the app set its timer only after run_for, the clock still flows and it fires in time.
    page.clock.install()

    with page.expect_response(lambda r: "vapidPublicKey" in (r.request.post_data or "")):
        switch.click()
    page.clock.run_for(21_000)

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("无法连接浏览器的推送服务", timeout=40_000)
    expect(alert).to_contain_text("Chrome 的推送服务无法访问")
    expect(alert).to_contain_text("新消息仍会在应用的「消息」中收到")
    expect(switch).to_have_attribute("aria-checked", "false")
    page.screenshot(path=artifacts / "push-unreachable-390x844.png")
    assert any("vapidPublicKey" in body for body in operations)  # it got as far as subscribe
    assert not any("registerPushSubscription" in body for body in operations)
