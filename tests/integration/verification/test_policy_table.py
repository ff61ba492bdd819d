"""The versioned policy table: defaults, values in force by date, admin-only editing.

Direct database calls happen before the app starts (on PostgreSQL its connection pool
belongs to the test client's event loop); after that the tests read through GraphQL.
"""

from __future__ import annotations

from datetime import date

import pytest

from backend.db.lifecycle import migrate
from backend.verification import queries, service
from backend.verification.policy import PolicyEntry
from backend.verification.policy_keys import KEY_SPECS
from backend.verification.tables import PolicyValue
from tests.integration.conftest import GraphQL, error_codes

HISTORY = "query($key: String!) { policyHistory(key: $key) { value effectiveFrom createdBy } }"
POLICY = """query($on: Date) { policy(on: $on) { on values {
  key value effectiveFrom source createdBy description } } }"""
SET = """mutation($key: String!, $value: JSON, $from: Date!, $source: String!) {
  setPolicyValue(key: $key, value: $value, effectiveFrom: $from, source: $source) {
    key value effectiveFrom source createdBy } }"""
NOTICE = "市中心2026年第3号通知"


@pytest.fixture
async def seeded(demo: None) -> None:
    await service.seed_default_policy()


async def set_value(
    gql: GraphQL, token: str, key: str, value: object, start: str, source: str = NOTICE
) -> dict[str, object]:
    variables = {"key": key, "value": value, "from": start, "source": source}
    return await gql(SET, variables, token=token)


async def history_of(gql: GraphQL, key: str) -> list[dict[str, object]]:
    body = await gql(HISTORY, {"key": key}, token=await gql.login("admin"))
    assert "errors" not in body, body
    return list(body["data"]["policyHistory"])


async def value_on(gql: GraphQL, token: str, day: str, key: str) -> dict[str, object]:
    body = await gql(POLICY, {"on": day}, token=token)
    assert "errors" not in body, body
    return next(v for v in body["data"]["policy"]["values"] if v["key"] == key)


async def test_migrate_writes_every_default_once_in_any_mode() -> None:
    await PolicyValue.delete(force=True)
    await migrate()
    await migrate()
    rows = await queries.policy_rows()
    assert sorted(r.key for r in rows) == sorted(KEY_SPECS)
    assert {r.created_by for r in rows} == {"system"}
    assert all(r.source for r in rows)
    policy = await service.policy_in_force(date(2026, 3, 2))
    assert all(entry.from_table for entry in policy.entries)


async def test_seeding_keeps_a_value_an_admin_already_set() -> None:
    mine = PolicyEntry("recent_divorce_days", 180, date(2026, 1, 1), NOTICE, "admin", service.now())
    await queries.insert_policy_rows([mine])
    assert await service.seed_default_policy() == len(KEY_SPECS) - 1
    assert await service.seed_default_policy() == 0
    assert (await service.policy_in_force(date(2026, 3, 2))).recent_divorce_days == 180


@pytest.mark.usefixtures("seeded")
async def test_a_value_applies_from_its_effective_date_not_before(gql: GraphQL) -> None:
    body = await set_value(gql, await gql.login("admin"), "recent_divorce_days", 730, "2026-06-01")
    assert body["data"]["setPolicyValue"]["createdBy"] == "admin"  # type: ignore[index]
    staff = await gql.login("staff1")
    for day, expected in [("2026-05-31", 365), ("2026-06-01", 730), ("2026-06-02", 730)]:
        assert (await value_on(gql, staff, day, "recent_divorce_days"))["value"] == expected, day


@pytest.mark.usefixtures("seeded")
async def test_a_new_row_supersedes_and_the_old_rows_are_kept(gql: GraphQL) -> None:
    admin = await gql.login("admin")
    for value in ("15000.00", "18000.00"):
        body = await set_value(gql, admin, "amount_cap.07", value, "2026-01-01")
        assert "errors" not in body, body
    assert (await value_on(gql, admin, "2026-03-02", "amount_cap.07"))["value"] == "18000.00"
    assert [row["value"] for row in await history_of(gql, "amount_cap.07")] == [
        "12000.00",
        "15000.00",
        "18000.00",
    ]


@pytest.mark.usefixtures("seeded")
async def test_a_cap_can_be_lifted_with_null(gql: GraphQL) -> None:
    admin = await gql.login("admin")
    assert "errors" not in await set_value(gql, admin, "amount_cap.07", None, "2026-01-01")
    assert (await value_on(gql, admin, "2026-03-02", "amount_cap.07"))["value"] is None


@pytest.mark.usefixtures("seeded")
async def test_a_value_left_out_is_null_not_an_internal_error(gql: GraphQL) -> None:
    admin = await gql.login("admin")
    left_out = """mutation { setPolicyValue(key: "amount_cap.07", effectiveFrom: "2026-01-01",
      source: "市中心2026年第3号通知") { value } }"""
    assert (await gql(left_out, token=admin))["data"] == {"setPolicyValue": {"value": None}}
    needs_one = left_out.replace("amount_cap.07", "recent_divorce_days")
    assert error_codes(await gql(needs_one, token=admin)) == ["VALIDATION_FAILED"]


@pytest.mark.usefixtures("demo")
async def test_without_rows_the_built_in_default_shows_without_a_date(gql: GraphQL) -> None:
    entry = await value_on(
        gql, await gql.login("supervisor1"), "2026-03-02", "materials.withdrawal.06"
    )
    assert entry["effectiveFrom"] is None
    assert entry["value"] == [
        "id_card",
        "loan_contract",
        "repayment_statement",
        "marital_status_certificate",
    ]
    assert str(entry["source"]).startswith("内置默认值")


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("username", ["staff1", "supervisor1", "employer1"])
async def test_only_admins_may_set_policy_values(gql: GraphQL, username: str) -> None:
    body = await set_value(gql, await gql.login(username), "recent_divorce_days", 1, "2026-01-01")
    assert error_codes(body) == ["FORBIDDEN"]
    assert len(await history_of(gql, "recent_divorce_days")) == 1  # the default only


async def test_reading_the_policy_needs_a_sign_in(gql: GraphQL) -> None:
    assert error_codes(await gql(POLICY, {"on": "2026-03-02"})) == ["UNAUTHENTICATED"]


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    ("key", "value", "source", "code"),
    [
        ("no.such.key", 1, NOTICE, "UNKNOWN_FIELD"),
        ("materials.withdrawal.06", ["passport"], NOTICE, "VALIDATION_FAILED"),
        ("recent_divorce_days", "thirty", NOTICE, "VALIDATION_FAILED"),
        ("recent_divorce_days", 30, "  ", "VALIDATION_FAILED"),
    ],
)
async def test_invalid_values_are_refused_and_not_stored(
    gql: GraphQL, key: str, value: object, source: str, code: str
) -> None:
    body = await set_value(gql, await gql.login("admin"), key, value, "2026-01-01", source)
    assert error_codes(body) == [code]
    if key in KEY_SPECS:
        assert len(await history_of(gql, key)) == 1
