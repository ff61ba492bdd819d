"""The monthly 考核 through GraphQL: computed from the data under the scheme version in
force, reproducible for each version after a change; manual scores audited; practice
work never counted; who sees which rows."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from backend.assessment.monthly import CENTRE
from backend.training.drills import generate_drills
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.training.test_drills import DRILLS, FINISH, START, push

ASSESS = """query($m: String!, $v: Int, $u: ID) { assessment(month: $m, schemeVersion: $v,
  unitId: $u) { scheme { version effectiveFrom }
  rows { user { username displayName } total items { key label value points } } } }"""
SET = """mutation($s: JSON!, $d: Date!) { setAssessmentScheme(scheme: $s, effectiveFrom: $d) {
  version effectiveFrom } }"""
SCORE = """mutation($u: ID!, $m: String!, $k: String!, $p: Float!, $r: String!) {
  scoreStaff(userId: $u, month: $m, key: $k, points: $p, reason: $r) { key points } }"""
SCORES = "query($m: String!) { manualScores(month: $m) { key points reason scoredBy } }"
REVIEW = """mutation($id: ID!, $d: ReviewDecision!, $r: String) {
  reviewCase(id: $id, decision: $d, reason: $r) { status } }"""
ME = "query { me { id } }"
STRICT = {"indicators": [
    {"key": "return_rate", "label": "业务回退率", "weight": 1, "source": "computed",
     "bands": [{"max": 0, "points": 100}, {"points": 0}]},
    {"key": "service_attitude", "label": "服务态度", "weight": 1, "source": "manual"},
]}


async def submitted(gql: GraphQL, token: str, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        case_id = str(uuid.uuid4())
        fields = {"name": "考核", "id_number": "520102198503121231", "withdrawal_reason": "01"}
        results = await push(gql, token,
                             ("createCase", {"id": case_id, "kind": "withdrawal",
                                             "fields": fields}),
                             ("submitCase", {"id": case_id}))
        assert [r["status"] for r in results] == ["applied", "applied"]
        ids.append(case_id)
    return ids


def row_of(body: dict[str, object], username: str) -> dict[str, object]:
    rows = body["data"]["assessment"]["rows"]  # type: ignore[index]
    return next(r for r in rows if r["user"]["username"] == username)


@pytest.mark.usefixtures("demo")
async def test_a_month_is_reproducible_from_each_scheme_version_and_the_data(
    gql: GraphQL,
) -> None:
    staff, supervisor = await gql.login("staff1"), await gql.login("supervisor1")
    admin = await gql.login("admin")
    month = datetime.now(CENTRE).strftime("%Y-%m")
    before = row_of(await gql(ASSESS, {"m": month}, supervisor), "staff1")
    base = {i["key"]: i for i in before["items"]}  # type: ignore[attr-defined]

    cases = await submitted(gql, staff, 4)
    await gql(REVIEW, {"id": cases[0], "d": "RETURN", "r": "材料不全"}, supervisor)
    await gql(REVIEW, {"id": cases[1], "d": "APPROVE"}, supervisor)
    # A practice case worked in the same month changes no work indicator.
    await generate_drills(1, seed=7, first_mix=1)
    drill = (await gql(DRILLS, token=staff))["data"]["drills"][0]
    started = (await gql(START, {"id": drill["id"]}, staff))["data"]["startDrill"]
    await push(gql, staff, ("answerDrill", {"attemptId": started["attemptId"],
                                            "flags": ["CERTIFICATE_EXPIRED"],
                                            "decision": "RETURN"}))
    finished = (await gql(FINISH, {"a": started["attemptId"]}, staff))["data"]["finishDrill"]

    v0 = await gql(ASSESS, {"m": month}, supervisor)
    assert v0["data"]["assessment"]["scheme"] == {"version": 0, "effectiveFrom": None}
    items = {i["key"]: i for i in row_of(v0, "staff1")["items"]}  # type: ignore[attr-defined]
    submitted_before = base["return_rate"]["value"]
    if submitted_before is None:
        assert items["return_rate"]["value"] == 0.25  # 1 returned of 4 submitted
    assert items["return_rate"]["label"] == "业务回退率"
    share = round(100 * finished["score"] / finished["maxScore"], 2)
    assert items["drill_score"]["value"] == share
    assert items["service_attitude"]["points"] is None

    # The admin publishes a stricter scheme from the first of the month; a supervisor scores.
    assert error_codes(await gql(SET, {"s": STRICT, "d": f"{month}-01"}, supervisor)) == [
        "FORBIDDEN"]
    body = await gql(SET, {"s": STRICT, "d": f"{month}-01"}, admin)
    assert body["data"]["setAssessmentScheme"] == {"version": 1, "effectiveFrom": f"{month}-01"}
    staff_id = (await gql(ME, token=staff))["data"]["me"]["id"]
    body = await gql(SCORE, {"u": staff_id, "m": month, "k": "service_attitude", "p": 80,
                             "r": "群众表扬"}, supervisor)
    assert body["data"]["scoreStaff"] == {"key": "service_attitude", "points": 80.0}, body
    body = await gql(SCORE, {"u": staff_id, "m": month, "k": "service_attitude", "p": 70,
                             "r": "复核后调整"}, supervisor)
    assert "errors" not in body
    bad = await gql(SCORE, {"u": staff_id, "m": month, "k": "service_attitude", "p": 80,
                            "r": " "}, supervisor)
    assert error_codes(bad) == ["VALIDATION_FAILED"]
    assert error_codes(await gql(SCORE, {"u": staff_id, "m": month, "k": "return_rate",
                                         "p": 1, "r": "x"}, supervisor)) == ["VALIDATION_FAILED"]
    audit = (await gql(SCORES, {"m": month}, supervisor))["data"]["manualScores"]
    assert [(s["points"], s["reason"], s["scoredBy"]) for s in audit] == [
        (80.0, "群众表扬", "supervisor1"), (70.0, "复核后调整", "supervisor1")]

    v1 = await gql(ASSESS, {"m": month}, supervisor)
    assert v1["data"]["assessment"]["scheme"]["version"] == 1
    strict = {i["key"]: i for i in row_of(v1, "staff1")["items"]}  # type: ignore[attr-defined]
    assert set(strict) == {"return_rate", "service_attitude"}
    assert strict["return_rate"]["points"] == 0  # something was returned
    assert strict["service_attitude"]["points"] == 70.0  # the latest score counts
    assert row_of(v1, "staff1")["total"] == 35.0

    # Each version recomputes to the same table.
    again0 = {i["key"]: i for i in row_of(await gql(ASSESS, {"m": month, "v": 0}, supervisor),
                                          "staff1")["items"]}  # type: ignore[attr-defined]
    assert again0.pop("service_attitude")["points"] == 70.0  # scored since
    items.pop("service_attitude")
    assert again0 == items
    assert row_of(await gql(ASSESS, {"m": month, "v": 1}, supervisor), "staff1") == row_of(
        v1, "staff1")
    last = (datetime.now(CENTRE).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    earlier = await gql(ASSESS, {"m": last}, supervisor)
    assert earlier["data"]["assessment"]["scheme"]["version"] == 0  # not yet in force then

    # Staff see only themselves; a bad month is refused.
    mine = (await gql(ASSESS, {"m": month}, staff))["data"]["assessment"]["rows"]
    assert [r["user"]["username"] for r in mine] == ["staff1"]
    assert error_codes(await gql(ASSESS, {"m": "2026-13"}, staff)) == ["VALIDATION_FAILED"]
    assert error_codes(await gql(SCORE, {"u": staff_id, "m": month, "k": "service_attitude",
                                         "p": 1, "r": "x"}, staff)) == ["FORBIDDEN"]


PEAKS = """query($from: Date!, $to: Date!) { returnPeaks(from: $from, to: $to) {
  byHour { slot submitted returned returnRate } byDay { slot submitted returned } } }"""
BEHIND = """query($m: String!, $u: ID!) { assessmentCases(month: $m, userId: $u) {
  caseId action reason } }"""


@pytest.mark.usefixtures("demo")
async def test_figures_drill_down_to_their_cases_export_and_peak_by_hour_and_day(
    gql: GraphQL,
) -> None:

    staff, supervisor = await gql.login("staff1"), await gql.login("supervisor1")
    cases = await submitted(gql, staff, 2)
    await gql(REVIEW, {"id": cases[0], "d": "RETURN", "r": "材料不全"}, supervisor)
    month = datetime.now(CENTRE).strftime("%Y-%m")
    staff_id = (await gql(ME, token=staff))["data"]["me"]["id"]

    behind = (await gql(BEHIND, {"m": month, "u": staff_id}, supervisor))["data"]
    entries = [(e["caseId"], e["action"]) for e in behind["assessmentCases"]]
    assert (cases[0], "return") in entries
    assert {(c, "submit") for c in cases} <= set(entries)
    other = (await gql(ME, token=supervisor))["data"]["me"]["id"]
    assert error_codes(await gql(BEHIND, {"m": month, "u": other}, staff)) == ["FORBIDDEN"]

    today = datetime.now(CENTRE)
    body = await gql(PEAKS, {"from": today.date().isoformat(), "to": today.date().isoformat()},
                     supervisor)
    by_day = body["data"]["returnPeaks"]["byDay"]
    day = by_day[today.day - 1]
    assert day["submitted"] >= 2
    assert day["returned"] >= 1
    assert len(body["data"]["returnPeaks"]["byHour"]) == 24
    assert error_codes(await gql(PEAKS, {"from": "2026-01-01", "to": "2026-01-02"}, staff)) == [
        "FORBIDDEN"]

    response = await gql.client.get(f"/exports/assessment.xlsx?month={month}",
                                    headers={"Authorization": f"Bearer {supervisor}"})
    assert response.status_code == 200

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["姓名", "用户名", "用人单位", "合同到期"]
    assert "业务回退率（数值）" in header
    assert header[-1] == "总分"
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "staff1" in names
    denied = await gql.client.get(f"/exports/assessment.xlsx?month={month}")
    assert denied.status_code == 401
