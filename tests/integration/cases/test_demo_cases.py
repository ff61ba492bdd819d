"""Demo data: a few members' cases assigned to staff1; seeding again adds nothing."""

from __future__ import annotations

import pytest

from backend.cases.demo import DEMO_CASES
from backend.demo.seed import seed_demo
from backend.settings import get_settings
from tests.integration.conftest import GraphQL

CASES = "{ cases(first: 50) { edges { node { id status } } } }"
CASE = "query($id: ID!) { case(id: $id) { assignee { username } } }"


@pytest.mark.usefixtures("demo")
async def test_demo_cases_are_assigned_to_staff1_and_seeding_again_adds_none(
    gql: GraphQL,
) -> None:
    await seed_demo(get_settings())
    token = await gql.login("staff1")
    edges = (await gql(CASES, token=token))["data"]["cases"]["edges"]
    assert sorted(e["node"]["id"] for e in edges) == sorted(str(c[0]) for c in DEMO_CASES)
    statuses = sorted(e["node"]["status"] for e in edges)
    assert statuses.count("draft") == 3  # one demo case was submitted (and may have moved on)
    assert set(statuses) - {"draft"} <= {"submitted", "processing", "needs_review"}
    first = str(DEMO_CASES[0][0])
    body = await gql(CASE, {"id": first}, token=token)
    assert body["data"]["case"]["assignee"] == {"username": "staff1"}
