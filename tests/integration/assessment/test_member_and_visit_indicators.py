"""The 考核 indicators other domains measure: 群众满意度 from the members' visit ratings,
visits made per week and the no-show rate from the visits, and the OCR correction rate from
the fields staff corrected on their cases — each value computed from real rows."""

from __future__ import annotations

import calendar
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from backend.corrections import queries as corrections
from backend.corrections.models import Correction
from backend.demo.seed import demo_user_id
from backend.documents import queries as documents
from backend.documents.models import Reading
from backend.visits.rules import today
from tests.integration.assessment.test_monthly_assessment import ASSESS, SET, row_of, submitted
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device
from tests.integration.visits.helpers import requested, schedule

STAFF1 = str(demo_user_id("staff1"))
RATE = "mutation($v: ID!, $r: Int!) { rateVisit(visitId: $v, rating: $r) }"
WITH_OCR = {"indicators": [
    {"key": "ocr_correction_rate", "label": "识别结果改动率", "weight": 1, "source": "computed",
     "bands": [{"max": 10, "points": 100}, {"max": 30, "points": 80}, {"points": 60}]},
    {"key": "satisfaction", "label": "群众满意度", "weight": 1, "source": "computed",
     "bands": [{"min": 90, "points": 100}, {"points": 60}]},
]}


def items_of(body: dict[str, Any], username: str) -> dict[str, dict[str, Any]]:
    assert "errors" not in body, body
    return {i["key"]: i for i in row_of(body, username)["items"]}  # type: ignore[attr-defined]


async def _visits(gql: GraphQL, boss: str, tablet: Device, outcomes: list[str]) -> list[str]:
    ids = []
    at = datetime.now(UTC).isoformat()
    for outcome in outcomes:
        receipt = await requested(gql)
        assert "errors" not in await schedule(gql, boss, receipt["id"], STAFF1)
        done = await tablet.do("recordVisitOutcome",
                               {"visitId": receipt["id"], "outcome": outcome, "at": at})
        assert done["status"] == "applied", done
        ids.append(receipt["id"])
    return ids


async def _read_and_correct(case_id: str, fields: dict[str, str], corrected: list[str]) -> None:
    document_id = uuid.uuid4()
    now = datetime.now(UTC)
    await documents.save_reading(Reading(
        document_id=document_id, case_id=uuid.UUID(case_id), sha256="0" * 64,
        declared_type="id_card", detected_type="id_card", status="processed", attempts=1,
        result={"fields": fields}, case_checks=[], error_code=None, error_message=None,
        updated_at=now,
    ))
    for name in corrected:
        await corrections.save(Correction(
            document_id=document_id, case_id=uuid.UUID(case_id), doc_type="id_card",
            field=name, case_field=name, read_value=fields[name], corrected_value="改",
            confidence=0.9, flagged=False, corrected_by=uuid.UUID(STAFF1),
            corrected_by_name="staff1", corrected_at=now,
        ))


@pytest.mark.usefixtures("demo")
async def test_satisfaction_visits_and_ocr_corrections_are_measured_from_the_rows(
    gql: GraphQL,
) -> None:
    staff, boss = await gql.login("staff1"), await gql.login("supervisor1")
    admin = await gql.login("admin")
    month = today().strftime("%Y-%m")
    empty = items_of(await gql(ASSESS, {"m": month}, boss), "staff1")
    for key in ("satisfaction", "visits_per_week", "visit_no_show_rate"):
        assert empty[key]["value"] is None  # nothing yet: left out of the total
        assert empty[key]["points"] is None

    tablet = Device(gql, staff)
    made = await _visits(gql, boss, tablet, ["done", "done", "not_home"])
    for visit_id, rating in zip(made[:2], (5, 4), strict=True):
        body = await gql(RATE, {"v": visit_id, "r": rating}, staff)
        assert body["data"]["rateVisit"] is True, body

    items = items_of(await gql(ASSESS, {"m": month}, boss), "staff1")
    assert items["satisfaction"]["label"] == "群众满意度"
    assert items["satisfaction"]["value"] == 90.0  # (5 + 4) / 2 of 5
    assert items["satisfaction"]["points"] == 100
    days = calendar.monthrange(today().year, today().month)[1]
    assert items["visits_per_week"]["value"] == round(2 / (days / 7), 2)  # 2 done
    assert items["visits_per_week"]["points"] == 50
    assert items["visit_no_show_rate"]["value"] == 0.333  # 1 not at home of 3 attempts
    assert items["visit_no_show_rate"]["points"] == 70
    others = items_of(await gql(ASSESS, {"m": month}, boss), "staff2")
    assert others["satisfaction"]["value"] is None
    assert others["visits_per_week"]["value"] is None

    # OCR: 1 of the 4 fields read from a photo of staff1's case corrected → 25 %.
    (case_id,) = await submitted(gql, staff, 1)
    read = {"name": "石英芳", "id_number": "520203197001175843", "sex": "女", "address": "钟山区"}
    await _read_and_correct(case_id, read, ["name"])
    body = await gql(SET, {"s": WITH_OCR, "d": f"{month}-01"}, admin)
    version = body["data"]["setAssessmentScheme"]["version"]
    custom = items_of(await gql(ASSESS, {"m": month, "v": version}, boss), "staff1")
    assert custom["ocr_correction_rate"]["value"] == 25.0
    assert custom["ocr_correction_rate"]["points"] == 80
    assert custom["satisfaction"]["points"] == 100
    # The built-in default still recomputes the same for the month.
    again = items_of(await gql(ASSESS, {"m": month, "v": 0}, boss), "staff1")
    assert {k: again[k] for k in ("satisfaction", "visits_per_week", "visit_no_show_rate")} == {
        k: items[k] for k in ("satisfaction", "visits_per_week", "visit_no_show_rate")}
