from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from openpyxl import load_workbook

from backend.accounts.handover import HandoverContext, handover_steps
from backend.cases.demo import DEMO_CASES
from backend.demo.seed import demo_user_id
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.consultation.conftest import (
    FEEDBACK,
    FEEDBACK_TICKET,
    QUEUE,
    RESPOND,
    SUBMIT_FEEDBACK,
    ask,
    data,
)
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")


def _input(**values: Any) -> dict[str, Any]:
    return {"category": "policy_unclear", "text": "租房提取的比例看不懂", **values}


async def test_public_feedback_is_routed_answered_and_shown_to_its_author(gql: GraphQL) -> None:
    receipt = data(await gql(SUBMIT_FEEDBACK, {"input": _input(contact="13885861234")}))
    assert (receipt["status"], receipt["department"]) == ("open", "policy")
    assert len(receipt["ticket"]) == 32
    supervisor = await gql.login("supervisor1")
    queue = data(await gql(FEEDBACK, {"department": "policy"}, token=supervisor))["edges"]
    assert [e["node"]["id"] for e in queue] == [receipt["id"]]
    assert queue[0]["node"]["contact"] == "138****1234"
    assert data(await gql(FEEDBACK, {"department": "business"}, token=supervisor))["edges"] == []
    responded = data(
        await gql(
            RESPOND,
            {
                "id": receipt["id"],
                "response": "已在网站补充说明，比例为 30%。",
                "status": "resolved",
            },
            token=supervisor,
        )
    )
    assert responded["status"] == "resolved"
    shown = data(await gql(FEEDBACK_TICKET, {"ticket": receipt["ticket"]}))
    assert shown["response"] == "已在网站补充说明，比例为 30%。"
    assert shown["status"] == "resolved"
    assert error_codes(await gql(FEEDBACK_TICKET, {"ticket": "y" * 32})) == ["NOT_FOUND"]


async def test_routing_is_an_admin_setting_kept_in_versions(gql: GraphQL) -> None:
    admin = await gql.login("admin")
    supervisor = await gql.login("supervisor1")
    setting = """mutation($routes: [FeedbackRouteInput!]!) {
      setFeedbackRouting(routes: $routes, note: "政策咨询改由业务科答复") { version } }"""
    routes = [{"category": "policy_unclear", "department": "business"}]
    refused = await gql(setting, {"routes": routes}, token=supervisor)
    assert error_codes(refused) == ["FORBIDDEN"]
    before = data(await gql(SUBMIT_FEEDBACK, {"input": _input()}))
    assert data(await gql(setting, {"routes": routes}, token=admin)) == {"version": 1}
    after = data(await gql(SUBMIT_FEEDBACK, {"input": _input()}))
    assert (before["department"], after["department"]) == ("policy", "business")
    history = data(
        await gql("query { feedbackRoutingHistory { version note setBy } }", token=supervisor)
    )
    assert [(h["version"], h["note"]) for h in history] == [(1, "政策咨询改由业务科答复"), (0, "")]
    bad = await gql(setting, {"routes": [{"category": "x", "department": "it"}]}, token=admin)
    assert error_codes(bad) == ["VALIDATION_FAILED"]


async def test_feedback_recorded_offline_during_a_visit_reaches_its_author_inbox(
    gql: GraphQL,
) -> None:
    staff = await gql.login("staff1")
    device = Device(gql, staff)
    case_id = str(DEMO_CASES[0][0])
    feedback_id = new_id()
    args = {
        "id": feedback_id,
        "category": "unnecessary_material",
        "text": "群众反映：已经有电子证照还要交复印件",
        "caseId": case_id,
    }
    assert (await device.do("submitFeedback", args))["status"] == "applied"
    assert (await device.do("submitFeedback", args))["error"]["code"] == "CONFLICT"
    mine = data(await gql(FEEDBACK, {}, token=staff))["edges"]
    assert [(e["node"]["id"], e["node"]["department"]) for e in mine] == [(feedback_id, "business")]
    other = await gql.login("staff2")
    assert data(await gql(FEEDBACK, {}, token=other))["edges"] == []
    supervisor = await gql.login("supervisor1")
    await gql(
        RESPOND,
        {"id": feedback_id, "response": "下月起可用电子证照", "status": "in_progress"},
        token=supervisor,
    )
    inbox = data(await gql("query { inbox { edges { node { kind title body } } } }", token=staff))
    assert inbox["edges"][0]["node"] == {
        "kind": "feedback_answered",
        "title": "您提交的反馈已有答复",
        "body": "下月起可用电子证照",
    }
    field = await gql(
        RESPOND, {"id": feedback_id, "response": "x", "status": "resolved"}, token=staff
    )
    assert error_codes(field) == ["FORBIDDEN"]


async def test_monthly_report_ranks_categories_and_processes_and_exports_xlsx(
    gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    for category, process in (
        ("too_slow", "提取"),
        ("too_slow", "提取"),
        ("process_cumbersome", "贷款"),
    ):
        data(await gql(SUBMIT_FEEDBACK, {"input": _input(category=category, process=process)}))
    supervisor = await gql.login("supervisor1")
    month = datetime.now(UTC).strftime("%Y-%m")
    report = data(
        await gql(
            """query($m: String!) { feedbackReport(month: $m) { total
          categories { key label count previous trend } processes { key count } } }""",
            {"m": month},
            token=supervisor,
        )
    )
    assert report["total"] == 3
    assert [(r["key"], r["count"], r["trend"]) for r in report["categories"]] == [
        ("too_slow", 2, 2),
        ("process_cumbersome", 1, 1),
    ]
    assert report["categories"][0]["label"] == "周期过长"
    assert [(r["key"], r["count"]) for r in report["processes"]] == [("提取", 2), ("贷款", 1)]
    response = await client.get(
        f"/exports/feedback-report.xlsx?month={month}",
        headers={"Authorization": f"Bearer {supervisor}"},
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["按类别", "按业务流程"]
    rows = list(book["按类别"].iter_rows(values_only=True))
    assert rows[1][:5] == (1, "周期过长", 2, 0, 2)
    staff = await gql.login("staff1")
    refused = await client.get(
        f"/exports/feedback-report.xlsx?month={month}",
        headers={"Authorization": f"Bearer {staff}"},
    )
    assert refused.status_code == 403


async def test_a_handover_moves_open_feedback_and_taken_questions(gql: GraphQL) -> None:
    supervisor = await gql.login("supervisor1")
    receipt = data(await gql(SUBMIT_FEEDBACK, {"input": _input()}))
    await gql(
        RESPOND,
        {"id": receipt["id"], "response": "正在核实", "status": "in_progress"},
        token=supervisor,
    )
    context = HandoverContext(
        from_user_id=demo_user_id("supervisor1"),
        to_user_id=demo_user_id("admin"),
        actor_id=demo_user_id("admin"),
        reason="调岗",
        at=datetime.now(UTC),
    )
    asked = await ask(gql, "退休销户提取怎么办理")
    claimed = await gql(
        "mutation($id: ID!) { claimConsultation(id: $id) { status } }",
        {"id": asked["id"]},
        token=supervisor,
    )
    assert data(claimed) == {"status": "in_progress"}
    steps = handover_steps()
    assert await steps["feedback"](context) == 1
    assert await steps["feedback"](context) == 0
    assert await steps["consultations"](context) == 1
    assert await steps["consultations"](context) == 0
    admin = await gql.login("admin")
    [taken] = data(await gql(QUEUE, {}, token=admin))["edges"]
    assert taken["node"]["status"] == "in_progress"
