"""Full ID numbers: masked in lists, whole only for who works the case, and every such
view leaves an append-only audit entry (who, when, which device, which case)."""

from __future__ import annotations

from uuid import UUID

import pytest

from backend.accounts import audit
from backend.cases.demo import DEMO_CASES
from tests.integration.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

CASE_ID, _, FIELDS, _ = DEMO_CASES[0]
CASE = "query($id: ID!) { case(id: $id) { fields } }"
CASES = "{ cases(first: 50) { edges { node { id fields } } } }"


async def _view(gql: GraphQL, username: str, device: str | None) -> dict[str, object]:
    token = await gql.login(username)
    headers = {"Authorization": f"Bearer {token}"}
    if device:
        headers["X-Device-Id"] = device
    response = await gql.client.post(
        "/graphql", json={"query": CASE, "variables": {"id": str(CASE_ID)}}, headers=headers
    )
    fields: dict[str, object] = response.json()["data"]["case"]["fields"]
    return fields


async def test_assignee_sees_the_whole_number_and_the_view_is_audited(gql: GraphQL) -> None:
    fields = await _view(gql, "staff1", "tablet-7")
    assert fields["id_number"] == FIELDS["id_number"]
    [entry] = await audit.entries(UUID(str(CASE_ID)))
    assert (entry.actor_name, entry.device, entry.action) == (
        "staff1",
        "tablet-7",
        audit.VIEW_FULL_IDENTITY,
    )
    assert entry.at is not None


async def test_admin_sees_the_number_masked_and_leaves_no_identity_view(gql: GraphQL) -> None:
    fields = await _view(gql, "admin", None)
    assert fields["id_number"] == "520201********0023"
    assert await audit.entries(UUID(str(CASE_ID))) == []


async def test_lists_always_mask_even_for_the_assignee(gql: GraphQL) -> None:
    body = await gql(CASES, token=await gql.login("staff1"))
    numbers = [
        edge["node"]["fields"].get("id_number") for edge in body["data"]["cases"]["edges"]
    ]
    assert "520201********0023" in numbers
    assert not any(n and "*" not in n for n in numbers)
    assert await audit.entries() == []
