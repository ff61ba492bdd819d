"""Database access of handovers: the record, the leaving person's devices, their counters."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.tables import DeviceRevocation
from backend.visits.models import HandoverDeviceRecord, HandoverRecord
from backend.visits.tables import Handover, HandoverDevice
from sync.changelog.tables import SyncClient


def _device(row: dict[str, Any]) -> HandoverDeviceRecord:
    return HandoverDeviceRecord(
        id=row["id"],
        handover_id=row["handover_id"],
        client_id=row["client_id"],
        last_mutation_id=int(row["last_mutation_id"]),
        state=row["state"],
        settled_at=row["settled_at"],
    )


async def live_clients(user_id: UUID) -> dict[str, int]:
    """The user's sync clients not revoked, with the server's ``lastMutationId`` of each."""
    rows = await SyncClient.select(SyncClient.client_id, SyncClient.last_mutation_id).where(
        SyncClient.user_id == user_id
    )
    revoked = {
        row["client_id"]
        for row in await DeviceRevocation.select(DeviceRevocation.client_id).where(
            DeviceRevocation.user_id == user_id
        )
    }
    return {
        row["client_id"]: int(row["last_mutation_id"])
        for row in rows
        if row["client_id"] not in revoked
    }


async def last_mutation_ids(client_ids: list[str]) -> dict[str, int]:
    if not client_ids:
        return {}
    rows = await SyncClient.select(SyncClient.client_id, SyncClient.last_mutation_id).where(
        SyncClient.client_id.is_in(client_ids)
    )
    return {row["client_id"]: int(row["last_mutation_id"]) for row in rows}


async def insert_handover(record: HandoverRecord) -> None:
    await Handover.insert(
        Handover(
            id=record.id,
            from_user=record.from_user,
            to_user=record.to_user,
            actor=record.actor,
            reason=record.reason,
            at=record.at,
            counts=json.dumps(record.counts),
            version=record.version,
        )
    )
    if record.devices:
        await HandoverDevice.insert(
            *(
                HandoverDevice(
                    id=d.id,
                    handover_id=d.handover_id,
                    client_id=d.client_id,
                    last_mutation_id=d.last_mutation_id,
                    state=d.state,
                    settled_at=d.settled_at,
                )
                for d in record.devices
            )
        )


async def save_counts(record: HandoverRecord) -> None:
    await Handover.update(
        {Handover.counts: json.dumps(record.counts), Handover.version: record.version}
    ).where(Handover.id == record.id)


async def settle_device(device_id: UUID, state: str, at: datetime) -> None:
    await HandoverDevice.update({HandoverDevice.state: state, HandoverDevice.settled_at: at}).where(
        HandoverDevice.id == device_id
    )


def _handover(row: dict[str, Any], devices: list[HandoverDeviceRecord]) -> HandoverRecord:
    return HandoverRecord(
        id=row["id"],
        from_user=row["from_user"],
        to_user=row["to_user"],
        actor=row["actor"],
        reason=row["reason"],
        at=row["at"],
        counts=json.loads(row["counts"] or "{}"),
        version=int(row["version"]),
        devices=tuple(devices),
    )


async def handovers(where: Any, limit: int = 50) -> list[HandoverRecord]:
    rows = await Handover.select().where(where).order_by(Handover.at, ascending=False).limit(limit)
    if not rows:
        return []
    device_rows = (
        await HandoverDevice.select()
        .where(HandoverDevice.handover_id.is_in([row["id"] for row in rows]))
        .order_by(HandoverDevice.client_id)
    )
    by_handover: dict[UUID, list[HandoverDeviceRecord]] = {}
    for device_row in device_rows:
        device = _device(device_row)
        by_handover.setdefault(device.handover_id, []).append(device)
    return [_handover(row, by_handover.get(row["id"], [])) for row in rows]


async def handover_by_id(handover_id: UUID) -> HandoverRecord | None:
    found = await handovers(Handover.id == handover_id, 1)
    return found[0] if found else None


async def handovers_of(user_id: UUID) -> list[HandoverRecord]:
    return await handovers((Handover.from_user == user_id) | (Handover.to_user == user_id))


def new_device(handover_id: UUID, client_id: str, last_id: int) -> HandoverDeviceRecord:
    return HandoverDeviceRecord(uuid.uuid4(), handover_id, client_id, last_id, "pending", None)
