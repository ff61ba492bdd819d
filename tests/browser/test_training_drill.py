"""A drill worked on a tablet in real Chromium: started online, worked offline (fields,
risks, decision through the outbox), synced, finished, and the score and missed items
checked against the answer key the generator wrote."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .conftest import DOORSTEP, REPO_ROOT, App
from .device_pin import set_pin
from .test_pwa_shell import sign_in_and_settle, wait_for_active_service_worker

pytestmark = pytest.mark.browser
PIN = "1357"


def generate_drill(app: App) -> dict[str, object]:
    """`doorstep drills generate` on the app's own database; returns the drill's key."""
    workdir = app.pwa_dist.parent
    env = {**os.environ, "DOORSTEP_DATABASE_URL": f"sqlite:///{workdir / 'doorstep.db'}",
           "DOORSTEP_DATA_DIR": str(workdir)}
    subprocess.run(
        [str(DOORSTEP), "drills", "generate", "--count", "1", "--seed", "31", "--first-mix", "1"],
        cwd=REPO_ROOT, env=env, check=True, capture_output=True,
    )
    with sqlite3.connect(workdir / "doorstep.db") as db:
        row = db.execute(
            "SELECT title, key FROM training_drill ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
    return {"title": row[0], **json.loads(row[1])}


def test_a_drill_is_worked_offline_synced_finished_and_scored_against_its_key(
    tablet: BrowserContext, app: App, artifacts: Path
) -> None:
    key = generate_drill(app)
    fields: dict[str, str] = dict(key["fields"])  # type: ignore[call-overload]
    assert key["flags"] == ["CERTIFICATE_EXPIRED"]
    assert key["decision"] == "RETURN"

    page = tablet.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/")
    sign_in_and_settle(page)
    assert wait_for_active_service_worker(page) == "activated"
    page.get_by_role("tab", name="任务").click()
    set_pin(page, PIN)
    expect(page.get_by_test_id("sync-bar")).to_contain_text("全部已发送", timeout=20_000)
    page.get_by_role("tab", name="我的").click()
    page.get_by_test_id("me-training").click()

    drill_row = page.get_by_test_id("drill-list").locator(".van-cell", has_text=str(key["title"]))
    drill_row.get_by_test_id("drill-start").first.click()
    expect(page.get_by_test_id("drill-work")).to_be_visible()
    photos = page.get_by_test_id("drill-photos").locator("img")
    expect(photos).to_have_count(4, timeout=20_000)  # the practice case arrived by pull
    expect(page.get_by_test_id("drill-field-name").locator("input")).to_be_enabled()

    # Offline: the started drill reopened from the list still shows its photos (kept on the
    # device when it started, since /files answers are never cached by the browser).
    tablet.set_offline(True)
    page.go_back()
    page.get_by_test_id("drill-open").first.click()
    expect(page.get_by_test_id("drill-work")).to_be_visible()
    expect(photos).to_have_count(4, timeout=20_000)

    # Offline: everything right except the name, the expired certificate found, returned.
    for name, value in fields.items():
        typed = value + "某" if name == "name" else value
        page.get_by_test_id(f"drill-field-{name}").locator("input").fill(typed)
    page.get_by_test_id("drill-flag-CERTIFICATE_EXPIRED").click()
    page.get_by_test_id("drill-return").click()
    page.get_by_test_id("drill-reason").locator("textarea").fill("无房证明已过期")
    page.get_by_test_id("drill-save").click()
    expect(page.get_by_text("已保存（离线时联网后自动发送）")).to_be_visible()
    page.get_by_test_id("drill-finish").click()
    expect(page.get_by_text("请联网后再完成演练（填写内容已保存在本机）")).to_be_visible()
    page.screenshot(path=artifacts / "training-drill-768x1024.png")

    tablet.set_offline(False)
    page.get_by_test_id("drill-finish").click()
    expect(page.get_by_test_id("drill-result")).to_be_visible(timeout=20_000)
    top = len(fields) + 1 + 2
    expect(page.get_by_test_id("drill-score")).to_have_text(f"{top - 1} / {top} 分")
    missed = page.get_by_test_id("drill-missed")
    expect(missed).to_have_count(1)
    expect(missed).to_have_attribute("data-key", "name")
    expect(missed).to_contain_text(f"应为：{fields['name']}")
    expect(missed).to_contain_text(f"你的答案：{fields['name']}某")
    expect(missed.get_by_role("link", name="查看依据")).to_be_visible()
    page.screenshot(path=artifacts / "training-result-768x1024.png")
    assert errors == []
