"""The sync storage contract, run on every engine (SQLite by default, PostgreSQL in CI)."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from sync.changelog.audience import Audience, Scope
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.storage import ClientState, NewChange, Rejection, SyncStorage

NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
ALICE, BOB, TEAM, UNIT = uuid4(), uuid4(), uuid4(), uuid4()


@pytest.fixture
def storage() -> SyncStorage:
    return get_storage()


def _change(n: int, audience: Audience) -> NewChange:
    return NewChange("case", f"c{n}", "put", n, {"n": n}, audience)


async def test_a_client_is_saved_and_advanced(storage: SyncStorage) -> None:
    assert await storage.client("device-1") is None
    async with storage.write_transaction():
        await storage.save_client(ClientState("device-1", ALICE, 0), NOW)
        await storage.save_client(ClientState("device-1", ALICE, 7), NOW)
    assert await storage.client("device-1") == ClientState("device-1", ALICE, 7)


async def test_changes_come_back_in_order_to_their_audience_only(storage: SyncStorage) -> None:
    audiences = [
        Audience(frozenset({ALICE})),
        Audience(frozenset({BOB})),
        Audience(frozenset({BOB, ALICE})),
        Audience(frozenset(), team_id=TEAM),
        Audience(frozenset(), unit_id=UNIT),
        Audience(frozenset(), everyone_staff=True),
        Audience(frozenset(), public=True),
    ]
    async with storage.write_transaction():
        await storage.append([_change(n, a) for n, a in enumerate(audiences)], NOW)

    async def ids(scope: Scope, after: int = 0, limit: int = 100) -> list[str]:
        return [c.entity_id for c in await storage.changes_after(after, scope, limit)]

    assert await ids(Scope(ALICE)) == ["c0", "c2", "c6"]
    assert await ids(Scope(BOB, team_id=TEAM)) == ["c1", "c2", "c3", "c6"]
    assert await ids(Scope(uuid4(), unit_id=UNIT)) == ["c4", "c6"]
    assert await ids(Scope(uuid4(), everything=True)) == ["c5", "c6"]
    everything = await storage.changes_after(0, Scope(BOB, TEAM, UNIT, True), 100)
    seqs = [c.seq for c in everything]
    assert seqs == sorted(seqs)
    assert [c.data for c in everything][:2] == [{"n": 1}, {"n": 2}]
    assert await ids(Scope(BOB, TEAM, UNIT, True), after=seqs[2], limit=2) == ["c4", "c5"]


async def test_a_failed_step_is_rolled_back_and_the_rest_commits(storage: SyncStorage) -> None:
    everyone = Audience(frozenset(), public=True)

    async def failing_step() -> None:
        async with storage.atomic_step():
            await storage.append([_change(2, everyone)], NOW)
            raise RuntimeError("mutator failed")

    async with storage.write_transaction():
        await storage.append([_change(1, everyone)], NOW)
        with pytest.raises(RuntimeError):
            await failing_step()
        await storage.append([_change(3, everyone)], NOW)
    got = await storage.changes_after(0, Scope(ALICE), 10)
    assert [c.entity_id for c in got] == ["c1", "c3"]


async def test_the_log_has_an_epoch_a_head_and_a_floor_after_compaction(
    storage: SyncStorage,
) -> None:
    empty = await storage.log_info()
    assert (empty.floor, empty.head) == (0, 0)
    everyone = Audience(frozenset(), public=True)
    async with storage.write_transaction():
        await storage.append([_change(n, everyone) for n in range(5)], NOW)
    info = await storage.log_info()
    assert info.epoch == empty.epoch
    assert info.head >= 5
    assert await storage.compact(info.head - 2) == 3
    after = await storage.log_info()
    assert (after.floor, after.head) == (info.head - 2, info.head)
    assert len(await storage.changes_after(0, Scope(ALICE), 10)) == 2


async def test_rejections_are_kept_with_their_reason(storage: SyncStorage) -> None:
    rejection = Rejection(
        "device-1", 3, "updateCase", {"id": "x"}, "UNKNOWN_FIELD", "不认识", "x", NOW
    )
    async with storage.write_transaction():
        await storage.record_rejection(rejection)
    [kept] = await storage.rejections("device-1")
    assert (kept.mutation_id, kept.code, kept.field, kept.args) == (
        3,
        "UNKNOWN_FIELD",
        "x",
        {"id": "x"},
    )
