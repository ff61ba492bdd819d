"""Pull: ordered pages, partial sync, revocation as delete, reset on a bad cursor."""

from __future__ import annotations

from uuid import UUID

import pytest

from backend.accounts import service as accounts
from backend.cases import queries as case_queries
from backend.cases.changes import case_data
from backend.cases.demo import DEMO_CASES
from backend.demo.seed import demo_user_id
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.tables import SyncChange
from sync.protocol import Mutation
from sync.pull import pull
from sync.push import push
from tests.integration.conftest import GraphQL
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

DEMO_IDS = {str(case_id) for case_id, *_ in DEMO_CASES}

ASSIGN = "mutation($id: ID!, $to: ID!) { assignCase(id: $id, assigneeId: $to) { id } }"


async def test_pull_pages_through_many_changes_in_order(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    await device.sync()  # full sync of nothing: the cursor now follows the log
    case_id = new_id()
    mutations = [device.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})]
    mutations += [
        device.mutation("updateCase", {"id": case_id, "fields": {"note": f"第{n}次"}})
        for n in range(1, 2600)
    ]
    for start in range(0, len(mutations), 500):
        await device.push(*mutations[start : start + 500])
    pages = 0
    versions: list[int] = []
    while True:
        page = await device.pull_page(device.cursor)
        assert not page["reset"]
        if not page["changes"]:
            break
        pages += 1
        versions += [change["version"] for change in page["changes"]]
        device.cursor = page["cursor"]
    assert pages == 3  # 2600 changes, 1000 a page
    assert versions == list(range(1, 2601))
    assert page["lastMutationId"] == 2600


async def test_full_sync_pages_through_current_state(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    ids = [new_id() for _ in range(1203)]
    creates = [
        device.mutation("createCase", {"id": i, "kind": "withdrawal", "fields": {}}) for i in ids
    ]
    for start in range(0, len(creates), 500):
        await device.push(*creates[start : start + 500])
    fresh = Device(gql, device.token)
    first = await fresh.pull_page(None)
    assert first["reset"] is True
    assert len(first["changes"]) == 1000
    received = [c for c in await fresh.sync() if c["entity"] == "case"]
    assert {key[1] for key in fresh.entities if key[0] == "case"} == set(ids) | DEMO_IDS
    assert len(received) == 1203 + len(DEMO_IDS)


async def test_a_user_never_pulls_a_case_that_is_not_theirs(gql: GraphQL) -> None:
    staff1 = Device(gql, await gql.login("staff1"))
    staff2 = Device(gql, await gql.login("staff2"))
    mine, theirs = new_id(), new_id()
    await staff1.do("createCase", {"id": mine, "kind": "withdrawal", "fields": {}})
    await staff2.do("createCase", {"id": theirs, "kind": "withdrawal", "fields": {}})
    await staff1.do("updateCase", {"id": mine, "fields": {"name": "张伟"}})
    await staff2.do("updateCase", {"id": theirs, "fields": {"name": "李四"}})
    received = {c["id"] for c in await staff1.sync() if c["entity"] == "case"}
    assert mine in received
    assert theirs not in received
    assert received - {mine} == DEMO_IDS  # the demo cases seeded for staff1
    supervisor = Device(gql, await gql.login("supervisor1"))
    await supervisor.sync()
    assert supervisor.has("case", mine)
    assert supervisor.has("case", theirs)
    employer = Device(gql, await gql.login("employer1"))
    assert [c for c in await employer.sync() if c["entity"] == "case"] == []


async def test_a_user_loses_a_case_when_it_is_reassigned(gql: GraphQL) -> None:
    supervisor_token = await gql.login("supervisor1")
    staff1 = Device(gql, await gql.login("staff1"))
    staff2 = Device(gql, await gql.login("staff2"))
    case_id, document_id = new_id(), new_id()
    # The supervisor opens the case and gives it to staff1, then to staff2.
    supervisor = Device(gql, supervisor_token)
    await supervisor.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    staff1_id = str(demo_user_id("staff1"))
    body = await gql(ASSIGN, {"id": case_id, "to": staff1_id}, token=supervisor_token)
    assert "errors" not in body, body
    await staff1.do(
        "attachDocument",
        {"caseId": case_id, "documentId": document_id, "sha256": "a" * 64, "docType": "id_card"},
    )
    await staff1.sync()
    assert staff1.has("case", case_id)
    assert staff1.has("document", document_id)
    await staff2.sync()
    staff2_id = str(demo_user_id("staff2"))
    body = await gql(ASSIGN, {"id": case_id, "to": staff2_id}, token=supervisor_token)
    assert "errors" not in body, body
    received = await staff1.sync()
    ops = {(c["entity"], c["op"]) for c in received}
    assert ops == {("case", "delete"), ("document", "delete")}
    assert not staff1.has("case", case_id)
    await staff2.sync()
    assert staff2.case(case_id)["assignee"] == staff2_id
    assert staff2.has("document", document_id)


async def test_employer_pulls_their_units_registration_cases_masked(gql: GraphQL) -> None:
    employer = Device(gql, await gql.login("employer1"))
    case_id = new_id()
    fields = {"unit_name": "凉都餐饮", "uscc": "91520201027915438B"}
    fields["id_number"] = "520201199001011239"
    result = await employer.do(
        "createCase", {"id": case_id, "kind": "unit_registration", "fields": fields}
    )
    assert result["status"] == "applied"
    refused = await employer.do("createCase", {"id": new_id(), "kind": "withdrawal", "fields": {}})
    assert refused["error"]["code"] == "FORBIDDEN"
    await employer.sync()
    assert employer.case(case_id)["fields"]["id_number"] == "520201********1239"


async def test_reset_on_an_invalid_cursor(gql: GraphQL) -> None:
    device = Device(gql, await gql.login("staff1"))
    case_id = new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    await device.sync()
    for bad in ("not-a-cursor", "YzF8THxub3x0aGlzfDQ=", ""):
        page = await device.pull_page(bad)
        assert page["reset"] is True
        assert case_id in {c["id"] for c in page["changes"]}  # a full sync's first page


async def test_reset_when_the_cursor_is_older_than_the_log() -> None:
    # Service level, without the app: the test compacts the log directly.
    staff1 = await accounts.get_user(demo_user_id("staff1"))
    assert staff1 is not None
    client_id, case_id = new_id(), new_id()
    synced = await pull(staff1, client_id, None)
    while synced.changes:
        synced = await pull(staff1, client_id, synced.cursor)
    old_cursor = synced.cursor
    await push(
        staff1,
        client_id,
        1,
        [
            Mutation(1, "createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}),
            Mutation(2, "updateCase", {"id": case_id, "fields": {"name": "张伟"}}),
        ],
    )
    info = await get_storage().log_info()
    logged = await SyncChange.count()
    assert await get_storage().compact(info.head) == logged
    page = await pull(staff1, client_id, old_cursor)
    assert page.reset is True
    [case] = [c for c in page.changes if c.id == case_id]  # the full sync starts again
    assert case.data is not None
    assert case.data["fields"] == {"name": "张伟"}


async def _full_sync_case_ids(user: object, limit: int) -> list[str]:
    client_id, cursor, ids = new_id(), None, []
    while True:
        page = await pull(user, client_id, cursor, limit)  # type: ignore[arg-type]
        if not page.changes or page.cursor == cursor:
            return ids
        ids += [c.id for c in page.changes if c.entity == "case"]
        cursor = page.cursor


async def test_small_pages_of_a_full_sync_hold_every_case_each_way_once() -> None:
    # A supervisor sees cases three ways (own, assigned, the team's); each page merges them.
    users = {name: await accounts.get_user(demo_user_id(name))
             for name in ("staff1", "staff2", "supervisor1")}
    for name, count in (("staff1", 9), ("staff2", 8), ("supervisor1", 6)):
        user = users[name]
        assert user is not None
        await push(user, new_id(), 1, [
            Mutation(n + 1, "createCase", {"id": new_id(), "kind": "withdrawal", "fields": {}})
            for n in range(count)
        ])
    supervisor = users["supervisor1"]
    whole = await _full_sync_case_ids(supervisor, 1000)
    assert len(whole) >= 23
    assert whole == sorted(whole)  # in id order, as the cursor pages
    assert await _full_sync_case_ids(supervisor, 4) == whole
    assert await _full_sync_case_ids(users["staff1"], 3) == await _full_sync_case_ids(
        users["staff1"], 1000
    )


async def test_a_full_sync_sends_a_case_as_the_log_does() -> None:
    # The full sync builds case data from its own rows (ids as text); the log from records.
    staff1 = await accounts.get_user(demo_user_id("staff1"))
    assert staff1 is not None
    client_id, case_id = new_id(), new_id()
    await push(staff1, client_id, 1, [
        Mutation(1, "createCase", {"id": case_id, "kind": "withdrawal",
                                   "fields": {"name": "张伟", "amount": "12.50"}}),
        Mutation(2, "updateCase", {"id": case_id, "fields": {"name": "李四"}}),
    ])
    record = await case_queries.case_by_id(UUID(case_id))
    assert record is not None
    snapshot = await pull(staff1, new_id(), None)
    [sent] = [c for c in snapshot.changes if c.id == case_id]
    assert (sent.version, sent.data) == (record.version, case_data(record))
    assert sent.data is not None
    assert list(sent.data) == list(case_data(record))  # the same keys in the same order
