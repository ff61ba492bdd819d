"""Push: exactly-once, ordered, one bad mutation never blocks the queue."""

from __future__ import annotations

from uuid import UUID

import pytest

from backend.accounts import service as accounts
from backend.demo.seed import demo_user_id
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes
from sync.changelog.audience import Audience, Scope
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.storage import NewChange
from sync.mutators import MUTATORS, MutationContext
from sync.protocol import Mutation
from sync.push import push
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

ID_NUMBER = "520201199001011239"
CASE_HISTORY = "query($id: ID!) { case(id: $id) { history { action } } }"


@pytest.fixture
async def device(gql: GraphQL) -> Device:
    return Device(gql, await gql.login("staff1"))


async def test_create_case_is_applied_and_pulled(device: Device) -> None:
    case_id = new_id()
    result = await device.do(
        "createCase", {"id": case_id, "kind": "withdrawal", "fields": {"name": "张伟"}}
    )
    assert result == {"id": 1, "status": "applied", "error": None}
    await device.sync()
    case = device.case(case_id)
    assert case["status"] == "draft"
    assert case["fields"] == {"name": "张伟"}


async def test_duplicate_push_is_acknowledged_and_not_applied_twice(device: Device) -> None:
    case_id = new_id()
    create = device.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    update = device.mutation("updateCase", {"id": case_id, "fields": {"name": "张伟"}})
    first = await device.push(create, update)
    again = await device.push(create, update)
    assert [r["status"] for r in first["results"]] == ["applied", "applied"]
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate"]
    assert again["lastMutationId"] == 2
    await device.sync()
    assert device.case(case_id)["version"] == 2  # created once, updated once
    body = await device.gql(CASE_HISTORY, {"id": case_id}, token=device.token)
    assert [h["action"] for h in body["data"]["case"]["history"]] == ["create"]


async def test_a_gap_is_refused_and_nothing_after_it_applied(device: Device) -> None:
    first, second, third = (new_id() for _ in range(3))
    one = device.mutation("createCase", {"id": first, "kind": "withdrawal", "fields": {}})
    device.next_id = 3  # mutation 2 got lost on the way
    three = device.mutation("createCase", {"id": second, "kind": "withdrawal", "fields": {}})
    four = device.mutation("createCase", {"id": third, "kind": "withdrawal", "fields": {}})
    result = await device.push(one, three, four)
    assert result["lastMutationId"] == 1
    assert [(r["id"], r["status"]) for r in result["results"]] == [(1, "applied"), (3, "rejected")]
    assert result["results"][1]["error"]["code"] == "OUT_OF_ORDER"
    for never_created in (second, third):
        body = await device.gql(CASE_HISTORY, {"id": never_created}, token=device.token)
        assert error_codes(body) == ["NOT_FOUND"]


async def test_a_rejected_mutation_does_not_block_later_ones(device: Device) -> None:
    case_id = new_id()
    result = await device.push(
        device.mutation("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}),
        device.mutation("updateCase", {"id": case_id, "fields": {"phone": "12345"}}),
        device.mutation("updateCase", {"id": case_id, "fields": {"colour": "red"}}),
        device.mutation("noSuchMutator", {}),
        device.mutation("updateCase", {"id": case_id, "fields": {"phone": "13812345678"}}),
    )
    statuses = [(r["status"], (r["error"] or {}).get("code")) for r in result["results"]]
    assert statuses == [
        ("applied", None),
        ("rejected", "VALIDATION_FAILED"),
        ("rejected", "UNKNOWN_FIELD"),
        ("rejected", "UNKNOWN_MUTATOR"),
        ("applied", None),
    ]
    assert result["results"][2]["error"]["field"] == "colour"
    assert result["lastMutationId"] == 5
    await device.sync()
    case = device.case(case_id)
    assert case["fields"] == {"phone": "13812345678"}


async def test_a_rejection_is_recorded_with_its_code() -> None:
    # Service level, without the app: the test reads the storage directly.
    staff1 = await accounts.get_user(demo_user_id("staff1"))
    assert staff1 is not None
    client_id = new_id()
    mutations = [
        Mutation(1, "updateCase", {"id": new_id(), "fields": {}}),
        Mutation(2, "createCase", {"id": new_id(), "kind": "loan", "fields": {}}),
    ]
    outcome = await push(staff1, client_id, 1, mutations)
    assert outcome.last_mutation_id == 2
    rejections = await get_storage().rejections(client_id)
    assert [(r.mutation_id, r.name, r.code, r.field) for r in rejections] == [
        (1, "updateCase", "NOT_FOUND", "id"),
        (2, "createCase", "VALIDATION_FAILED", "kind"),
    ]


async def test_a_rejected_mutation_leaves_no_change_in_the_log(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def record_then_fail(context: MutationContext, args: object) -> None:
        everyone = Audience(frozenset(), public=True)
        await changes.record([NewChange("probe", "p1", "put", 1, {"half": True}, everyone)])
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, field="probe")

    monkeypatch.setitem(MUTATORS, "recordThenFail", record_then_fail)
    staff1 = await accounts.get_user(demo_user_id("staff1"))
    assert staff1 is not None
    head = (await get_storage().log_info()).head
    case_id = new_id()
    outcome = await push(
        staff1,
        new_id(),
        1,
        [
            Mutation(1, "recordThenFail", {}),
            Mutation(2, "createCase", {"id": case_id, "kind": "withdrawal", "fields": {}}),
        ],
    )
    assert [r.status for r in outcome.results] == ["rejected", "applied"]
    logged = await get_storage().changes_after(head, Scope(staff1.id, everything=True), 10)
    assert [(c.entity, c.entity_id) for c in logged] == [("case", case_id)]


async def test_an_old_protocol_version_gets_protocol_outdated(device: Device) -> None:
    body = await device.send([], protocol_version=0)
    assert error_codes(body) == ["PROTOCOL_OUTDATED"]
    assert "更新" in body["errors"][0]["message"]


async def test_an_old_protocol_version_on_pull_gets_protocol_outdated(device: Device) -> None:
    body = await device.gql(
        "query($c: ID!) { pull(clientId: $c, protocolVersion: 0) { cursor } }",
        {"c": device.client_id},
        token=device.token,
    )
    assert error_codes(body) == ["PROTOCOL_OUTDATED"]


async def test_a_client_id_belongs_to_one_user(gql: GraphQL, device: Device) -> None:
    await device.do("createCase", {"id": new_id(), "kind": "withdrawal", "fields": {}})
    other = Device(gql, await gql.login("staff2"), client_id=device.client_id)
    body = await other.send([other.mutation("submitCase", {"id": new_id()})])
    assert error_codes(body) == ["FORBIDDEN"]
    pulled = await gql(
        "query($c: ID!) { pull(clientId: $c) { cursor } }",
        {"c": device.client_id},
        token=other.token,
    )
    assert error_codes(pulled) == ["FORBIDDEN"]


async def test_staff_cannot_edit_a_case_that_is_not_theirs(gql: GraphQL, device: Device) -> None:
    case_id = new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {}})
    other = Device(gql, await gql.login("staff2"))
    result = await other.do("updateCase", {"id": case_id, "fields": {"name": "李四"}})
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "FORBIDDEN"


async def test_submit_needs_the_identity_fields(device: Device) -> None:
    case_id = new_id()
    await device.do("createCase", {"id": case_id, "kind": "withdrawal", "fields": {"name": "张伟"}})
    refused = await device.do("submitCase", {"id": case_id})
    assert refused["error"]["code"] == "VALIDATION_FAILED"
    assert refused["error"]["field"] == "id_number"
    fields = {"id_number": ID_NUMBER, "withdrawal_reason": "02"}
    await device.do("updateCase", {"id": case_id, "fields": fields})
    submitted = await device.do("submitCase", {"id": case_id})
    assert submitted["status"] == "applied"
    await device.sync()
    assert device.case(case_id)["status"] in {"submitted", "processing", "needs_review"}


async def test_a_batch_with_a_failing_mutation_applies_each_other_one_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A batch runs optimistically in one savepoint first; the failure undoes that run and the
    # batch runs again one savepoint per mutation: nothing may be left twice or half-written.
    from backend.cases import queries as case_queries
    from sync.mutators.create_case import create_case

    async def create_then_fail(context: MutationContext, args: object) -> None:
        await create_case(context, args)
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, field="probe")

    monkeypatch.setitem(MUTATORS, "createThenFail", create_then_fail)
    staff1 = await accounts.get_user(demo_user_id("staff1"))
    assert staff1 is not None
    first, half, last = new_id(), new_id(), new_id()
    outcome = await push(staff1, new_id(), 1, [
        Mutation(1, "createCase", {"id": first, "kind": "withdrawal", "fields": {}}),
        Mutation(2, "createThenFail", {"id": half, "kind": "withdrawal", "fields": {}}),
        Mutation(3, "createCase", {"id": last, "kind": "withdrawal", "fields": {}}),
    ])
    assert [r.status for r in outcome.results] == ["applied", "rejected", "applied"]
    assert outcome.last_mutation_id == 3
    found = await case_queries.cases_by_ids([UUID(first), UUID(half), UUID(last)])
    assert set(found) == {UUID(first), UUID(last)}
    for case_id in (first, last):
        history = await case_queries.history_of(UUID(case_id))
        assert [entry.action for entry in history] == ["create"]
