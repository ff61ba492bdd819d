"""Browser tests: the real app (`doorstep serve --demo`) in a subprocess, driven by Chromium.

The PWA is built from pwa/ into a temporary folder for the run (so a stale pwa/dist never
decides the result, and a test can publish a second build to see the update prompt).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
# How long an expectation waits for its state (Playwright's default is 5 s). The browser
# tests share the machine's two cores with the PostgreSQL pass (scripts/test.sh), where a
# filtered page can take longer than 5 s to come back; a state that never comes still fails.
expect.set_options(timeout=20_000)
PWA_DIR = REPO_ROOT / "pwa"
ARTIFACTS = REPO_ROOT / "test-artifacts"
DOORSTEP = REPO_ROOT / ".venv" / "bin" / "doorstep"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
TABLET: ViewportSize = {"width": 768, "height": 1024}
# Only bounds a server that never comes up (the wait itself is on /health answering): the
# browser lane may start beside the PostgreSQL pass's own start-up, and at a load of 12 on
# two cores migrating and seeding took over a minute (all 61 tests then failed at set-up).
STARTUP_SECONDS = 300


@dataclass
class App:
    base_url: str
    pwa_dist: Path

    def url(self, path: str = "/") -> str:
        return self.base_url + path


def build_pwa(out_dir: Path, build_id: str) -> None:
    """Builds the PWA into out_dir; build_id makes each build a distinct deployment."""
    if not (PWA_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PWA_DIR, check=True)
    subprocess.run(
        ["npx", "vite", "build", "--outDir", str(out_dir), "--emptyOutDir", "--logLevel", "warn"],
        cwd=PWA_DIR,
        env={**os.environ, "DOORSTEP_BUILD_ID": build_id},
        check=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_health(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"doorstep serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"GET {url} did not answer 200 within {STARTUP_SECONDS}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def app() -> Iterator[App]:
    workdir = Path(tempfile.mkdtemp(prefix="doorstep-browser-"))
    pwa_dist = workdir / "pwa-dist"
    build_pwa(pwa_dist, build_id="browser-1")
    port = _free_port()
    env = {
        **os.environ,
        "DOORSTEP_DATABASE_URL": f"sqlite:///{workdir / 'doorstep.db'}",
        "DOORSTEP_DATA_DIR": str(workdir),
        "DOORSTEP_PWA_DIST": str(pwa_dist),
        # The real app processes documents in the background (tests/conftest.py turns the
        # embedded worker off for in-process tests only).
        "DOORSTEP_EMBEDDED_WORKERS": "1",
    }
    log = workdir / "server.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [str(DOORSTEP), "serve", "--demo", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_for_health(base_url + "/health", server, log)
            yield App(base_url=base_url, pwa_dist=pwa_dist)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def phone(browser: Browser, app: App) -> Iterator[BrowserContext]:
    """A fresh phone-sized browser profile (no storage, no service worker yet)."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN", base_url=app.base_url)
    yield context
    context.close()


@pytest.fixture
def tablet(browser: Browser, app: App) -> Iterator[BrowserContext]:
    """A fresh tablet-sized browser profile."""
    context = browser.new_context(viewport=TABLET, locale="zh-CN", base_url=app.base_url)
    yield context
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
