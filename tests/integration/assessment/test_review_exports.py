"""The 考核 export: /exports/staff-metrics.xlsx and .csv for supervisors and admins, with
the same numbers as the staffMetrics query and Chinese headers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient
from openpyxl import load_workbook

from backend.verification.alerts import verify_and_notify
from tests.integration.assessment.test_staff_metrics import REVIEW, submitted_case
from tests.integration.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

Client = AsyncTestClient[Any]
METRICS = """query($from: Date!, $to: Date!) { staffMetrics(from: $from, to: $to) {
  staff { username displayName } submitted approved returned returnRate medianHoursToApproval
  flagsByRule } }"""


def _period() -> dict[str, str]:
    today = datetime.now(UTC).date()
    return {"from": str(today - timedelta(days=1)), "to": str(today + timedelta(days=1))}


async def _decided_cases(gql: GraphQL) -> None:
    """staff1: one approved, one returned, both verified (so flags are counted)."""
    staff, supervisor = await gql.login("staff1"), await gql.login("supervisor1")
    approved, returned = await submitted_case(gql, staff), await submitted_case(gql, staff)
    for case_id in (approved, returned):
        await verify_and_notify(UUID(case_id))
    await gql(REVIEW, {"id": approved, "d": "APPROVE"}, supervisor)
    await gql(REVIEW, {"id": returned, "d": "RETURN", "r": "材料不全"}, supervisor)


async def _get(client: Client, path: str, token: str | None, **params: str) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await client.get(path, params=params, headers=headers)


async def test_the_xlsx_has_the_numbers_of_the_metrics_query(client: Client, gql: GraphQL) -> None:
    await _decided_cases(gql)
    supervisor = await gql.login("supervisor1")
    expected = (await gql(METRICS, _period(), supervisor))["data"]["staffMetrics"]
    response = await _get(client, "/exports/staff-metrics.xlsx", supervisor, **_period())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet.title == "考核指标"
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[0])
    assert headers[:7] == [
        "外勤人员",
        "用户名",
        "提交数",
        "通过数",
        "退回数",
        "退回率",
        "走访至通过（小时，中位数）",
    ]
    assert "风险提示：材料缺失（DOCUMENT_MISSING）" in headers
    by_user = {row[1]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert set(by_user) == {m["staff"]["username"] for m in expected}
    for metrics in expected:
        row = by_user[metrics["staff"]["username"]]
        assert row["外勤人员"] == metrics["staff"]["displayName"]
        assert (row["提交数"], row["通过数"], row["退回数"]) == (
            metrics["submitted"],
            metrics["approved"],
            metrics["returned"],
        )
        assert row["退回率"] == metrics["returnRate"]
        assert row["走访至通过（小时，中位数）"] == metrics["medianHoursToApproval"]
        for code, count in metrics["flagsByRule"].items():
            assert [v for h, v in row.items() if h.endswith(f"（{code}）")] == [count]
    staff1 = by_user["staff1"]
    assert (staff1["通过数"], staff1["退回数"], staff1["退回率"]) == (1, 1, 0.5)
    assert staff1["风险提示：材料缺失（DOCUMENT_MISSING）"] >= 2  # one per missing material


async def test_the_csv_has_chinese_headers_and_the_same_counts(
    client: Client, gql: GraphQL
) -> None:
    await _decided_cases(gql)
    admin = await gql.login("admin")
    response = await _get(client, "/exports/staff-metrics.csv", admin, **_period())
    assert response.status_code == 200, response.text
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    staff1 = next(row for row in rows if row["用户名"] == "staff1")
    assert (staff1["通过数"], staff1["退回数"], staff1["退回率"]) == ("1", "1", "50.0%")


@pytest.mark.parametrize("username", ["staff1", "employer1"])
async def test_a_non_supervisor_gets_a_coded_403(
    client: Client, gql: GraphQL, username: str
) -> None:
    token = await gql.login(username)
    for path in ("/exports/staff-metrics.xlsx", "/exports/staff-metrics.csv"):
        response = await _get(client, path, token, **_period())
        assert response.status_code == 403
        assert response.json()["code"] == "FORBIDDEN"
        assert "主管" in response.json()["message"]


async def test_no_token_is_401_and_a_bad_period_is_a_chinese_400(
    client: Client, gql: GraphQL
) -> None:
    response = await _get(client, "/exports/staff-metrics.xlsx", None, **_period())
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"
    supervisor = await gql.login("supervisor1")
    bad = await _get(
        client,
        "/exports/staff-metrics.xlsx",
        supervisor,
        **{"from": "2026-13-01", "to": "2026-01-01"},
    )
    assert bad.status_code == 400
    assert bad.json() == {
        "code": "VALIDATION_FAILED",
        "message": "日期格式应为 YYYY-MM-DD",
        "field": "from",
    }
    backwards = await _get(
        client,
        "/exports/staff-metrics.csv",
        supervisor,
        **{"from": "2026-02-01", "to": "2026-01-01"},
    )
    assert backwards.status_code == 400
    assert "统计期间无效" in backwards.json()["message"]
