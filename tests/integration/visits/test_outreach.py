"""Company outreach (走进企业宣传): import the list, plan a visit, the 建缴率."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.demo.seed import demo_user_id
from backend.visits.rules import today
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

CSV = (
    "单位名称,统一社会信用代码,地址,联系人,电话\n"
    "凉都建材有限公司,91520201MA6DAAAA1A,钟山区建设路 1 号,李,13800000001\n"
    "钟山物流有限公司,91520201MA6DBBBB2B,钟山区人民路 2 号,王,13800000002\n"
    "缺地址公司,,,,\n"
)
IMPORT = """mutation($b: String!, $c: String!) {
  importOutreachCompanies(batch: $b, csv: $c) { imported skipped } }"""
PLAN = """mutation($c: ID!, $s: ID!, $d: Date!) {
  planCompanyVisit(companyId: $c, staffId: $s, date: $d, slot: "pm") { id kind status } }"""


async def test_import_plan_and_registration_rate(gql: GraphQL, demo: None) -> None:
    boss = await gql.login("supervisor1")
    imported = await gql(
        IMPORT,
        {"b": "2026 冬季", "c": CSV},
        token=boss,
    )
    assert imported["data"]["importOutreachCompanies"]["imported"] == 2
    assert imported["data"]["importOutreachCompanies"]["skipped"] == ["第 4 行：缺少单位名称或地址"]
    again = await gql(
        IMPORT,
        {"b": "2026 冬季", "c": CSV},
        token=boss,
    )
    assert again["data"]["importOutreachCompanies"]["imported"] == 0
    companies = (await gql("{ outreachCompanies { id name } }", token=boss))["data"][
        "outreachCompanies"
    ]
    first = next(c for c in companies if c["name"] == "凉都建材有限公司")
    plan = await gql(
        PLAN,
        {"c": first["id"], "s": str(demo_user_id("staff1")), "d": today().isoformat()},
        token=boss,
    )
    visit = plan["data"]["planCompanyVisit"]
    assert (visit["kind"], visit["status"]) == ("unit_registration", "scheduled")

    tablet = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    assert (await tablet.do("startCaseFromVisit", {"visitId": visit["id"], "caseId": case_id}))[
        "status"
    ] == "applied"
    at = datetime.now(UTC).isoformat()
    assert (
        await tablet.do("recordVisitOutcome", {"visitId": visit["id"], "outcome": "done", "at": at})
    )["status"] == "applied"
    await tablet.sync()
    assert tablet.case(case_id)["fields"]["unit_name"] == "凉都建材有限公司"

    summary = await gql(
        "{ outreachSummary { batch companies visited registered rate } }", token=boss
    )
    assert summary["data"]["outreachSummary"] == [
        {"batch": "2026 冬季", "companies": 2, "visited": 1, "registered": 1, "rate": 0.5}
    ]
    staff = await gql.login("staff1")
    assert error_codes(await gql("{ outreachSummary { batch } }", token=staff)) == ["FORBIDDEN"]
