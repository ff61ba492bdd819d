"""Use cases of a handover (业务衔接): move one person's open work to another in one action.

Every registered step (cases, visits, feedback…) runs in one write transaction with an audit
entry and a notice to both people. The leaving person's devices may still hold unsent work
(drafts made offline): each live device is listed as ``pending`` and receives the
``handover`` entity; its sync client then pushes its outbox followed by
``confirmHandoverSync``. Mutations apply in order, so when that one applies everything the
device held before has arrived; the steps run again for what it brought, and the device is
``synced``. A supervisor may instead record that the device's encrypted export was received
(``exported``). Only then may the leaving person's devices be revoked.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import audit, devices
from backend.accounts import queries as accounts
from backend.accounts.handover import HandoverContext, handover_steps
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.notifications.kinds import NotificationKind
from backend.notifications.service import notify
from backend.visits import handover_queries as queries
from backend.visits.changes import handover_change
from backend.visits.models import HandoverRecord
from backend.visits.policy import may_dispatch
from sync.changelog import changes

MAX_REASON = 200


async def _run_steps(context: HandoverContext) -> dict[str, int]:
    return {name: await step(context) for name, step in sorted(handover_steps().items())}


def _summary(counts: dict[str, int]) -> str:
    labels = {"cases": "案件", "visits": "上门", "feedback": "反馈"}
    return "，".join(f"{labels.get(name, name)} {count} 项" for name, count in counts.items())


async def _people(actor: UserRecord, from_id: UUID, to_id: UUID) -> tuple[UserRecord, UserRecord]:
    if not may_dispatch(actor):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if from_id == to_id:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "移交人和接收人不能是同一人", field="toUserId"
        )
    leaver, newcomer = await accounts.user_by_id(from_id), await accounts.user_by_id(to_id)
    if leaver is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到移交人", field="fromUserId")
    if newcomer is None or not newcomer.active or newcomer.role != Role.FIELD_STAFF:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "接收人应为在岗的外勤人员", field="toUserId"
        )
    if (actor.role != Role.ADMIN and actor.team_id not in (leaver.team_id, newcomer.team_id)) or (
        actor.role != Role.ADMIN and leaver.team_id != newcomer.team_id
    ):
        raise DoorstepError(ErrorCode.FORBIDDEN, "只能在本组人员之间移交")
    return leaver, newcomer


async def hand_over(actor: UserRecord, from_id: UUID, to_id: UUID, reason: str) -> HandoverRecord:
    reason = " ".join(reason.split())
    if not reason:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "请填写移交原因", field="reason")
    if len(reason) > MAX_REASON:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "移交原因不能超过 200 个字", field="reason"
        )
    leaver, newcomer = await _people(actor, from_id, to_id)
    at = datetime.now(UTC)
    handover_id = uuid.uuid4()
    async with changes.write_transaction():
        context = HandoverContext(leaver.id, newcomer.id, actor.id, reason, at)
        counts = await _run_steps(context)
        live = await queries.live_clients(leaver.id)
        record = HandoverRecord(
            id=handover_id,
            from_user=leaver.id,
            to_user=newcomer.id,
            actor=actor.id,
            reason=reason,
            at=at,
            counts=counts,
            version=1,
            devices=tuple(queries.new_device(handover_id, c, n) for c, n in sorted(live.items())),
        )
        await queries.insert_handover(record)
        await changes.record([handover_change(record)], at)
        await audit.record(
            actor,
            "handover",
            device=None,
            case_id=None,
            detail=f"{leaver.username} → {newcomer.username}：{_summary(counts)}；{reason}",
        )
        pending = "，您设备上未同步的工作请立即联网同步" if record.devices else ""
        await notify(
            [leaver.id],
            str(NotificationKind.WORK_HANDED_OVER),
            "工作已移交",
            f"您的工作已移交给 {newcomer.display_name}（{_summary(counts)}）{pending}。",
        )
        await notify(
            [newcomer.id],
            str(NotificationKind.WORK_HANDED_OVER),
            "接手工作",
            f"您接手了 {leaver.display_name} 的工作：{_summary(counts)}。原因：{reason}",
        )
    return record


async def load(handover_id: UUID) -> HandoverRecord:
    record = await queries.handover_by_id(handover_id)
    if record is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该移交记录", field="handoverId")
    return record


async def confirm_device_synced(
    user: UserRecord, client_id: str, handover_id: UUID
) -> HandoverRecord:
    """The leaving person's device has pushed everything it held (pushed last, in order)."""
    async with changes.write_transaction():
        record = await load(handover_id)
        if record.from_user != user.id:
            raise DoorstepError(ErrorCode.FORBIDDEN)
        device = next((d for d in record.devices if d.client_id == client_id), None)
        if device is None or device.state != "pending":
            return record  # a device unknown at the time, or already settled
        at = datetime.now(UTC)
        context = HandoverContext(record.from_user, record.to_user, record.actor, record.reason, at)
        late = await _run_steps(context)
        await queries.settle_device(device.id, "synced", at)
        counts = {k: record.counts.get(k, 0) + late.get(k, 0) for k in {*record.counts, *late}}
        updated = replace(
            record,
            counts=dict(sorted(counts.items())),
            version=record.version + 1,
            devices=tuple(
                replace(d, state="synced", settled_at=at) if d.id == device.id else d
                for d in record.devices
            ),
        )
        await queries.save_counts(updated)
        await changes.record([handover_change(updated)], at)
        if any(late.values()):
            await notify(
                [record.to_user],
                str(NotificationKind.WORK_HANDED_OVER),
                "接手工作（补充）",
                f"移交人的设备已同步，又转来：{_summary(late)}。",
            )
    return updated


async def mark_exported(actor: UserRecord, handover_id: UUID, client_id: str) -> HandoverRecord:
    """The supervisor received the device's encrypted export of its unsent work."""
    async with changes.write_transaction():
        record = await load(handover_id)
        await _people(actor, record.from_user, record.to_user)
        device = next((d for d in record.devices if d.client_id == client_id), None)
        if device is None:
            raise DoorstepError(ErrorCode.NOT_FOUND, "该设备不在此次移交中", field="clientId")
        if device.state != "pending":
            return record
        at = datetime.now(UTC)
        await queries.settle_device(device.id, "exported", at)
        updated = replace(
            record,
            version=record.version + 1,
            devices=tuple(
                replace(d, state="exported", settled_at=at) if d.id == device.id else d
                for d in record.devices
            ),
        )
        await queries.save_counts(updated)
        await changes.record([handover_change(updated)], at)
        await audit.record(actor, "handover_device_exported", device=client_id, case_id=None)
    return updated


async def revoke_leaver_devices(actor: UserRecord, handover_id: UUID) -> int:
    """Revokes the leaving person's devices once none still holds unsent work."""
    record = await load(handover_id)
    await _people(actor, record.from_user, record.to_user)
    if record.pending_devices:
        raise DoorstepError(
            ErrorCode.HANDOVER_DEVICES_PENDING,
            details={"clientIds": [d.client_id for d in record.pending_devices]},
        )
    for device in record.devices:
        await devices.revoke_device(actor, device.client_id)
    return len(record.devices)


async def handovers_of(actor: UserRecord, user_id: UUID) -> list[HandoverRecord]:
    if actor.id != user_id and not may_dispatch(actor):
        # Someone else's record: not theirs to know it exists (as for cases of others).
        raise DoorstepError(ErrorCode.NOT_FOUND, field="userId")
    return await queries.handovers_of(user_id)


async def current_counters(record: HandoverRecord) -> dict[str, int]:
    """The server's ``lastMutationId`` now, per device (compare with the one at handover)."""
    return await queries.last_mutation_ids([d.client_id for d in record.devices])
