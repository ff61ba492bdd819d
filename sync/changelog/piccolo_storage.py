"""The sync storage on Piccolo, for SQLite and PostgreSQL alike."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from backend.db.lifecycle import current_engine
from backend.db.rows import insert_rows
from sync.changelog.audience import Audience, Scope
from sync.changelog.storage import (
    ClientState,
    LoggedChange,
    LogInfo,
    NewChange,
    Rejection,
    StoredRejection,
)
from sync.changelog.tables import SyncChange, SyncClient, SyncMeta, SyncRejection

# PostgreSQL hands out sequence numbers before commit, so two writers could commit out of
# order and a puller could pass a change that commits later. Every change-writing
# transaction takes this lock first: sequences are then committed in order. (SQLite has
# one writer at a time anyway.)
CHANGE_LOG_LOCK = 0x646F6F72  # "door"

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


def _audience_columns(audience: Audience) -> dict[str, Any]:
    users = sorted(audience.users)
    if len(users) > 2:
        raise ValueError("a change names at most two users; address a team or unit instead")
    return {
        "aud_user1": users[0] if users else None,
        "aud_user2": users[1] if len(users) > 1 else None,
        "aud_team": audience.team_id,
        "aud_unit": audience.unit_id,
        "aud_all": audience.everyone_staff,
        "aud_public": audience.public,
    }


_NOBODY = UUID(int=0)  # ``IN ()`` is not valid SQL: ask for a user that cannot exist


def _rejection(row: dict[str, Any]) -> Rejection:
    return Rejection(
        client_id=row["client_id"],
        mutation_id=row["mutation_id"],
        name=row["name"],
        args=_decode(row["args"]),
        code=row["code"],
        message=row["message"],
        field=row["field"],
        at=row["at"],
    )


class PiccoloSyncStorage:
    @asynccontextmanager
    async def write_transaction(self) -> AsyncIterator[None]:
        engine = current_engine()
        if isinstance(engine, SQLiteEngine):
            # IMMEDIATE takes the write lock up front: no failed lock upgrade mid-way.
            async with engine.transaction(transaction_type=TransactionType.immediate):
                yield
            return
        assert isinstance(engine, PostgresEngine)
        outermost = engine.current_transaction.get() is None
        async with engine.transaction() as transaction:
            if outermost:
                await transaction.connection.execute(
                    "SELECT pg_advisory_xact_lock($1)", CHANGE_LOG_LOCK
                )
            yield

    @asynccontextmanager
    async def read_transaction(self) -> AsyncIterator[None]:
        engine = current_engine()
        if isinstance(engine, SQLiteEngine) and engine.current_transaction.get() is None:
            # Outside a transaction Piccolo opens a connection (and its thread) per SQLite
            # statement, about 1 ms of CPU each. A deferred transaction that only reads
            # takes no write lock (WAL: writers go on). PostgreSQL takes each statement's
            # connection from the pool: nothing to gain there.
            async with engine.transaction(transaction_type=TransactionType.deferred):
                yield
            return
        yield

    @asynccontextmanager
    async def atomic_step(self) -> AsyncIterator[None]:
        engine = current_engine()
        transaction = engine.current_transaction.get()  # type: ignore[attr-defined]
        if transaction is None:
            raise RuntimeError("atomic_step needs an open write_transaction")
        savepoint = await transaction.savepoint()
        try:
            yield
        except BaseException:
            await savepoint.rollback_to()
            raise
        await savepoint.release()

    async def client(self, client_id: str) -> ClientState | None:
        row = await SyncClient.select(SyncClient.user_id, SyncClient.last_mutation_id).where(
            SyncClient.client_id == client_id
        ).first()
        if row is None:
            return None
        return ClientState(client_id, row["user_id"], int(row["last_mutation_id"]))

    async def save_client(self, state: ClientState, at: datetime) -> None:
        updated = await SyncClient.update(
            {SyncClient.last_mutation_id: state.last_mutation_id, SyncClient.updated_at: at}
        ).where(SyncClient.client_id == state.client_id).returning(SyncClient.client_id)
        if not updated:
            await SyncClient.insert(
                SyncClient(
                    client_id=state.client_id,
                    user_id=state.user_id,
                    last_mutation_id=state.last_mutation_id,
                    created_at=at,
                    updated_at=at,
                )
            )

    async def record_rejection(self, rejection: Rejection) -> None:
        await SyncRejection.insert(
            SyncRejection(
                client_id=rejection.client_id,
                mutation_id=rejection.mutation_id,
                name=rejection.name,
                args=_encode(rejection.args).decode(),
                code=rejection.code,
                message=rejection.message,
                field=rejection.field,
                at=rejection.at,
            )
        )

    async def rejections(self, client_id: str) -> list[Rejection]:
        rows = await SyncRejection.select().where(SyncRejection.client_id == client_id).order_by(
            SyncRejection.mutation_id
        )
        return [_rejection(row) for row in rows]

    async def rejections_page(
        self, user_ids: list[UUID] | None, client_id: str | None, before: int | None, limit: int
    ) -> list[StoredRejection]:
        query = SyncRejection.select()
        if user_ids is not None:
            clients = SyncClient.select(SyncClient.client_id).where(
                SyncClient.user_id.is_in(user_ids or [_NOBODY])
            )
            client_ids = [row["client_id"] for row in await clients]
            query = query.where(SyncRejection.client_id.is_in(client_ids or [""]))
        if client_id is not None:
            query = query.where(SyncRejection.client_id == client_id)
        position = SyncRejection._meta.primary_key  # the implicit serial id: insertion order
        if before is not None:
            query = query.where(position < before)
        rows = await query.order_by(position, ascending=False).limit(limit)
        page_clients = list({row["client_id"] for row in rows})
        owners = {
            row["client_id"]: row["user_id"]
            for row in await SyncClient.select(SyncClient.client_id, SyncClient.user_id).where(
                SyncClient.client_id.is_in(page_clients or [""])
            )
        }
        return [
            StoredRejection(int(row["id"]), owners[row["client_id"]], _rejection(row))
            for row in rows
            if row["client_id"] in owners
        ]

    async def append(self, changes: list[NewChange], at: datetime) -> None:
        rows = [
            {
                "entity": change.entity,
                "entity_id": change.entity_id,
                "op": change.op,
                "version": change.version,
                "data": None if change.data is None else _encode(change.data).decode(),
                "at": at,
                **_audience_columns(change.audience),
            }
            for change in changes
        ]
        await insert_rows(SyncChange, rows)

    async def changes_after(self, seq: int, scope: Scope, limit: int) -> list[LoggedChange]:
        c = SyncChange
        visible = (
            (c.aud_public == True)  # noqa: E712  (Piccolo builds SQL from ==)
            | (c.aud_user1 == scope.user_id)
            | (c.aud_user2 == scope.user_id)
        )
        if scope.team_id is not None:
            visible = visible | (c.aud_team == scope.team_id)
        if scope.unit_id is not None:
            visible = visible | (c.aud_unit == scope.unit_id)
        if scope.everything:
            visible = visible | (c.aud_all == True)  # noqa: E712
        rows = (
            await c.select(c.seq, c.entity, c.entity_id, c.op, c.version, c.data)
            .where(c.seq > seq)
            .where(visible)
            .order_by(c.seq)
            .limit(limit)
        )
        return [
            LoggedChange(
                seq=int(row["seq"]),
                entity=row["entity"],
                entity_id=row["entity_id"],
                op=row["op"],
                version=int(row["version"]),
                data=None if row["data"] is None else _decode(row["data"]),
            )
            for row in rows
        ]

    async def log_info(self) -> LogInfo:
        meta = {row["key"]: row["value"] for row in await SyncMeta.select()}
        if "epoch" not in meta:
            meta["epoch"] = secrets.token_hex(6)
            await SyncMeta.insert(SyncMeta(key="epoch", value=meta["epoch"])).on_conflict(
                action="DO NOTHING"
            )
            meta = {row["key"]: row["value"] for row in await SyncMeta.select()}
        head = await SyncChange.select(SyncChange.seq).order_by(
            SyncChange.seq, ascending=False
        ).first()
        return LogInfo(
            epoch=meta["epoch"],
            floor=int(meta.get("floor", "0")),
            head=int(head["seq"]) if head else int(meta.get("floor", "0")),
        )

    async def last_seq_before(self, at: datetime) -> int | None:
        row = await SyncChange.select(SyncChange.seq).where(SyncChange.at < at).order_by(
            SyncChange.seq, ascending=False
        ).first()
        return int(row["seq"]) if row else None

    async def compact(self, through_seq: int) -> int:
        async with self.write_transaction():
            deleted = await SyncChange.delete().where(SyncChange.seq <= through_seq).returning(
                SyncChange.seq
            )
            updated = await SyncMeta.update({SyncMeta.value: str(through_seq)}).where(
                SyncMeta.key == "floor"
            ).returning(SyncMeta.key)
            if not updated:
                await SyncMeta.insert(SyncMeta(key="floor", value=str(through_seq)))
        return len(deleted)


_storage = PiccoloSyncStorage()


def get_storage() -> PiccoloSyncStorage:
    return _storage
