"""A registration case staff open for a known unit can be finished by that unit's employer."""

from __future__ import annotations

import pytest

from backend.demo.seed import DEMO_UNIT_USCC
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

CASE = "query($id: ID!) { case(id: $id) { id status fields } }"
OTHER_USCC = "91520221MA677WCG7A"


async def _registration(gql: GraphQL, uscc: str | None) -> str:
    staff = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    fields = {"unit_name": "某公司"} | ({"uscc": uscc} if uscc else {})
    outcome = await staff.do(
        "createCase", {"id": case_id, "kind": "unit_registration", "fields": fields}
    )
    assert outcome["status"] == "applied", outcome
    return case_id


async def test_the_units_employer_sees_and_completes_a_case_staff_opened(gql: GraphQL) -> None:
    case_id = await _registration(gql, DEMO_UNIT_USCC)
    employer = Device(gql, await gql.login("employer1"))
    body = await gql(CASE, {"id": case_id}, token=employer.token)
    assert body["data"]["case"]["fields"]["uscc"] == DEMO_UNIT_USCC
    outcome = await employer.do(
        "updateCase", {"id": case_id, "fields": {"contact_phone": "13885861234"}}
    )
    assert outcome["status"] == "applied", outcome
    pulled = await employer.sync()
    assert case_id in {change["id"] for change in pulled if change["entity"] == "case"}


async def test_a_case_joins_the_unit_once_its_uscc_is_filled_in(gql: GraphQL) -> None:
    case_id = await _registration(gql, None)
    employer_token = await gql.login("employer1")
    assert error_codes(await gql(CASE, {"id": case_id}, token=employer_token)) == ["FORBIDDEN"]
    staff = Device(gql, await gql.login("staff1"))
    await staff.do("updateCase", {"id": case_id, "fields": {"uscc": DEMO_UNIT_USCC}})
    assert "errors" not in await gql(CASE, {"id": case_id}, token=employer_token)


async def test_another_units_case_stays_hidden_from_the_employer(gql: GraphQL) -> None:
    case_id = await _registration(gql, OTHER_USCC)
    body = await gql(CASE, {"id": case_id}, token=await gql.login("employer1"))
    assert error_codes(body) == ["FORBIDDEN"]
