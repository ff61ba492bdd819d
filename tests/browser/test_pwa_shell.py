"""The PWA shell in real Chromium against the real app: sign-in, errors, install, offline."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

from .conftest import App, build_pwa

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "doorstep-demo"


class PageProblems:
    """Uncaught exceptions and Content-Security-Policy violations seen by a page."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.errors.append(f"CSP: {message.text}")


@pytest.fixture
def page(phone: BrowserContext) -> Page:
    return phone.new_page()


def watch(page: Page) -> PageProblems:
    return PageProblems(page)


def sign_in(page: Page, username: str = "staff1", password: str = DEMO_PASSWORD) -> None:
    page.get_by_label("用户名", exact=True).fill(username)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录").click()


def sign_in_and_settle(page: Page) -> None:
    """Signs in as staff1 and waits until the home page has loaded `me` and saved it.

    Tests that then change the stored session must wait: a late `me` answer writes the
    session back to localStorage.
    """
    with page.expect_response(lambda response: "query Me" in (response.request.post_data or "")):
        sign_in(page)
    expect(page.get_by_test_id("greeting")).to_have_text("你好，王芳")


def on_next_load_change_the_stored_session(page: Page, changes: str) -> None:
    """Changes the stored session as the next page load starts, before the app runs.

    Changed from the signed-in page instead, a request still in flight there (a loaded
    machine makes that window long) could write the real session back before the reload.
    """
    page.add_init_script(
        f"""(() => {{
            if (sessionStorage.getItem('test.session-changed')) return
            sessionStorage.setItem('test.session-changed', '1')
            const session = JSON.parse(localStorage.getItem('doorstep.session.v1'))
            Object.assign(session, {changes})
            localStorage.setItem('doorstep.session.v1', JSON.stringify(session))
        }})()"""
    )


def wait_for_active_service_worker(page: Page) -> str:
    state: str = page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.ready
            const worker = registration.active
            if (worker.state !== 'activated') {
                await new Promise((resolve) => worker.addEventListener('statechange', () => {
                    if (worker.state === 'activated') resolve()
                }))
            }
            return worker.state
        }"""
    )
    return state


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html"),
        ("/login", "text/html"),  # a client-side route falls back to the shell
        ("/sw.js", "javascript"),
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/icons/icon-192.png", "image/png"),
    ],
)
def test_the_server_gives_each_shell_file_its_content_type(
    page: Page, path: str, content_type: str
) -> None:
    # A browser downloads an HTML page served as octet-stream and refuses such a worker script.
    response = page.request.get(path)
    assert response.status == 200
    assert content_type in response.headers["content-type"]


def test_staff_signs_in_on_the_chinese_login_screen_and_is_greeted_by_name(
    page: Page, artifacts: Path
) -> None:
    problems = watch(page)
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("heading", name="住房公积金上门服务")).to_be_visible()
    expect(page.get_by_label("用户名", exact=True)).to_be_visible()
    expect(page.get_by_label("密码", exact=True)).to_have_attribute("type", "password")
    expect(page).to_have_title("登录 · 上门服务")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=artifacts / "login-390x844.png")

    sign_in(page)

    expect(page.get_by_test_id("greeting")).to_have_text("你好，王芳")
    expect(page.get_by_test_id("role")).to_contain_text("外勤人员")
    expect(page.get_by_test_id("network-status")).to_have_text("在线")
    expect(page).to_have_url(re.compile(r"/$"))
    page.screenshot(path=artifacts / "home-390x844.png")
    assert problems.errors == []


def test_signing_out_asks_first_and_returns_to_the_login_screen(page: Page) -> None:
    page.goto("/")
    sign_in_and_settle(page)

    page.get_by_role("button", name="退出登录").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()

    expect(page).to_have_url(re.compile(r"/login$"))
    assert page.evaluate("localStorage.getItem('doorstep.session.v1')") is None
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))  # the session really is gone


def test_an_expired_token_is_renewed_with_the_refresh_token(page: Page) -> None:
    page.goto("/")
    sign_in_and_settle(page)
    on_next_load_change_the_stored_session(page, "{ token: 'expired-or-forged' }")

    with page.expect_response(lambda r: "refreshSession" in (r.request.post_data or "")):
        page.reload()

    expect(page.get_by_test_id("greeting")).to_have_text("你好，王芳")
    token = page.evaluate("JSON.parse(localStorage.getItem('doorstep.session.v1')).token")
    assert token not in ("", "expired-or-forged")


def test_a_refused_refresh_returns_to_the_login_screen(page: Page) -> None:
    page.goto("/")
    sign_in_and_settle(page)
    on_next_load_change_the_stored_session(page, "{ token: 'forged', refreshToken: 'forged' }")

    page.reload()

    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_label("用户名", exact=True)).to_be_visible()
    assert page.evaluate("localStorage.getItem('doorstep.session.v1')") is None


def test_a_wrong_password_shows_the_servers_chinese_message(page: Page, artifacts: Path) -> None:
    problems = watch(page)
    page.goto("/login")

    sign_in(page, password="not-the-password")

    expect(page.get_by_role("alert")).to_have_text("用户名或密码错误。")
    expect(page.locator(".van-notify")).to_contain_text("用户名或密码错误。")
    expect(page).to_have_url(re.compile(r"/login$"))
    page.screenshot(path=artifacts / "login-wrong-password-390x844.png")
    assert problems.errors == []


def test_tablet_layout_shows_the_tab_bar_and_the_me_page(
    tablet: BrowserContext, artifacts: Path
) -> None:
    page = tablet.new_page()
    page.goto("/")
    expect(page.get_by_role("heading", name="住房公积金上门服务")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the logo too, for the screenshot
    page.screenshot(path=artifacts / "login-768x1024.png")
    sign_in_and_settle(page)
    page.screenshot(path=artifacts / "home-768x1024.png")

    page.get_by_role("tab", name="我的").click()

    expect(page).to_have_url(re.compile(r"/me$"))
    expect(page.get_by_text("staff1")).to_be_visible()
    expect(page.get_by_text("简体中文")).to_be_visible()
    page.screenshot(path=artifacts / "me-768x1024.png")

    page.get_by_text("English").click()
    expect(page.locator(".van-nav-bar__title")).to_have_text("Me")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.reload()  # the choice is remembered on this device
    expect(page.get_by_role("tab", name="Home")).to_be_visible()
    page.get_by_text("简体中文").click()
    expect(page.locator(".van-nav-bar__title")).to_have_text("我的")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_manifest_is_served_and_chromium_accepts_it(page: Page, phone: BrowserContext) -> None:
    page.goto("/login")

    manifest = page.request.get("/manifest.webmanifest").json()
    assert manifest["name"] == "住房公积金上门服务"
    assert manifest["short_name"] == "上门服务"
    assert manifest["lang"] == "zh-CN"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        response = page.request.get("/" + icon["src"])
        assert response.status == 200
        width, height = _png_size(response.body())
        assert f"{width}x{height}" == icon["sizes"]

    cdp = phone.new_cdp_session(page)
    parsed = cdp.send("Page.getAppManifest")
    assert parsed["errors"] == []
    assert parsed["url"].endswith("/manifest.webmanifest")


def test_the_service_worker_keeps_the_shell_working_offline(
    page: Page, phone: BrowserContext, artifacts: Path
) -> None:
    problems = watch(page)
    page.goto("/")
    assert wait_for_active_service_worker(page) == "activated"
    cache_names: list[str] = page.evaluate("caches.keys()")
    assert any(name.startswith("doorstep-shell") for name in cache_names), cache_names

    phone.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="住房公积金上门服务")).to_be_visible()
    expect(page.get_by_test_id("offline-banner")).to_be_visible()
    expect(page.get_by_text("当前没有网络，请联网后再登录")).to_be_visible()

    phone.set_offline(False)
    expect(page.get_by_test_id("offline-banner")).to_be_hidden()
    sign_in_and_settle(page)

    phone.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("greeting")).to_have_text("你好，王芳")
    expect(page.get_by_test_id("network-status")).to_have_text("离线")
    page.screenshot(path=artifacts / "home-offline-390x844.png")
    assert problems.errors == []


def test_a_new_deployment_is_offered_and_loaded_on_request(
    page: Page, app: App, artifacts: Path
) -> None:
    page.goto("/")
    sign_in_and_settle(page)
    assert wait_for_active_service_worker(page) == "activated"
    page.goto("/me")
    expect(page.get_by_text("0.1.0+browser-1")).to_be_visible()

    build_pwa(app.pwa_dist, build_id="browser-2")  # deploy a new version
    page.reload()

    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("发现新版本，是否刷新？", timeout=30_000)
    page.screenshot(path=artifacts / "update-prompt-390x844.png")
    dialog.get_by_role("button", name="刷新").click()

    expect(page.get_by_text("0.1.0+browser-2")).to_be_visible(timeout=30_000)
