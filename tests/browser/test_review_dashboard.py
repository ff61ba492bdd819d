"""The supervisor's 考核 dashboard in real Chromium: a decided case shows up in the metrics,
a visit made shows up in the visit indicators."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, expect

from backend.centre import CENTRE_TIMEZONE as CENTRE

from .conftest import App
from .sync_setup import DEMO_PASSWORD, PUSH, graphql, login, submit_withdrawal
from .test_a11y_screens import blocking_violations

pytestmark = pytest.mark.browser

REVIEW = "mutation($id: ID!) { reviewCase(id: $id, decision: APPROVE) { status } }"
REQUEST = "mutation($input: VisitRequestInput!) { requestVisit(input: $input) { id } }"
SCHEDULE = """mutation($id: ID!, $staff: ID!, $date: Date!) {
  scheduleVisit(id: $id, staffId: $staff, date: $date) { id } }"""
ME = "query { me { id } }"


def visit_made_by_staff1(base_url: str) -> None:
    """A member asks for a visit, supervisor1 schedules it for staff1 today, staff1 makes it."""
    today = datetime.now(CENTRE).date().isoformat()
    ask = {"kind": "withdrawal", "name": "王秀英", "phone": "13800138000",
           "address": "钟山区荷泉路 18 号", "preferredDate": today, "note": "需上门"}
    visit_id = graphql(base_url, REQUEST, {"input": ask})["requestVisit"]["id"]
    staff = login(base_url, "staff1")
    staff_id = graphql(base_url, ME, {}, staff)["me"]["id"]
    boss = login(base_url, "supervisor1")
    graphql(base_url, SCHEDULE, {"id": visit_id, "staff": staff_id, "date": today}, boss)
    outcome = {"visitId": visit_id, "outcome": "done", "at": datetime.now(UTC).isoformat()}
    push = {"clientId": str(uuid.uuid4()), "protocolVersion": 1,
            "mutations": [{"id": 1, "name": "recordVisitOutcome", "args": outcome}]}
    results = graphql(base_url, PUSH, {"input": push}, staff)["push"]["results"]
    assert [r["status"] for r in results] == ["applied"], results


@pytest.mark.parametrize("viewport", [(390, 844), (768, 1024), (1280, 800)])
def test_dashboard_shows_staff_metrics_chart_and_table(
    browser: Browser, app: App, artifacts: Path, viewport: tuple[int, int]
) -> None:
    case_id = submit_withdrawal(app.base_url, "考核统计")
    graphql(app.base_url, REVIEW, {"id": case_id}, login(app.base_url, "supervisor1"))
    visit_made_by_staff1(app.base_url)
    width, height = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="zh-CN",
        base_url=app.base_url,
        bypass_csp=True,  # axe is injected inline
    )
    page = context.new_page()
    page.goto("/dashboard")
    page.get_by_label("用户名", exact=True).fill("supervisor1")
    page.get_by_label("密码", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    table = page.get_by_test_id("metrics-table")
    row = table.get_by_role("row").filter(has_text="王芳")
    expect(row).to_be_visible()
    expect(page.get_by_role("img", name="各外勤人员的提交、通过、退回数量柱状图")).to_be_visible()
    visits = page.get_by_test_id("visit-metrics")
    expect(visits.get_by_role("columnheader", name="每周上门数")).to_be_visible()
    expect(visits.get_by_role("columnheader", name="未遇到率")).to_be_visible()
    expect(visits.get_by_test_id("visit-metrics-row").filter(has_text="王芳")).to_be_visible()
    expect(visits.get_by_test_id("median-days")).to_contain_text("从申请到上门（中位数）：")
    expect(visits.get_by_test_id("median-days")).to_contain_text("天")
    page.screenshot(path=artifacts / f"dashboard-{width}x{height}.png", full_page=True)
    assert blocking_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("外勤人员,用户名,提交数,通过数,退回数,退回率")
    assert "王芳,staff1," in text
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert sheet is not None
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    approved = rows["staff1"][3]
    assert isinstance(approved, int)
    assert approved >= 1
    context.close()
