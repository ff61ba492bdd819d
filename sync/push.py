"""Push: apply a client's mutations once each, in order, in one transaction.

The client's ``last_mutation_id`` is read and advanced in the same transaction as the
mutations' effects, so an effect and its acknowledgement commit together: a retry after a
lost answer finds the ids processed and gets ``duplicate``. Each mutation runs in its own
savepoint: a rejected one leaves no trace but its rejection record, and counts as
processed so the queue moves on. A gap stops the batch with ``OUT_OF_ORDER``.

Rejections are rare, so a batch first runs all its mutations inside one savepoint (two
statements per batch instead of two per mutation); if any mutation fails, that savepoint
is rolled back (nothing of the batch remains) and the batch runs again one savepoint per
mutation. Every effect is in the database transaction (jobs and notices included), so the
second run is the only one that counts.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from backend.accounts import devices
from backend.accounts.models import Principal, UserRecord
from backend.errors import DoorstepError, ErrorCode
from sync import crash_hook
from sync.changelog import changes
from sync.changelog.changes import ChangeBuffer
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.storage import ClientState, Rejection
from sync.mutators import MUTATORS, MutationContext
from sync.protocol import (
    MAX_MUTATIONS_PER_PUSH,
    Mutation,
    MutationOutcome,
    MutationStatus,
    PushOutcome,
    check_client_id,
    check_protocol_version,
)

log = logging.getLogger("doorstep.sync")


async def _apply(
    context: MutationContext, mutation: Mutation, buffer: ChangeBuffer
) -> MutationOutcome:
    storage = get_storage()
    mutator = MUTATORS.get(mutation.name)
    mark = buffer.mark()
    try:
        if mutator is None:
            raise DoorstepError(ErrorCode.UNKNOWN_MUTATOR, field="name")
        async with storage.atomic_step():
            await mutator(context, mutation.args)
        return MutationOutcome(mutation.id, MutationStatus.APPLIED)
    except DoorstepError as error:
        rejected = error
    except Exception:  # a bug must not brick the queue: reject this one, keep going
        log.exception("mutation %s #%d failed", mutation.name, mutation.id)
        rejected = DoorstepError(ErrorCode.INTERNAL_ERROR)
    buffer.discard_after(mark)  # its changes went with its savepoint
    await storage.record_rejection(
        Rejection(
            client_id=context.client_id,
            mutation_id=mutation.id,
            name=mutation.name,
            args=mutation.args,
            code=str(rejected.code),
            message=rejected.message,
            field=rejected.field,
            at=datetime.now(UTC),
        )
    )
    return MutationOutcome(mutation.id, MutationStatus.REJECTED, rejected)


class _FallbackError(Exception):
    """A mutation of the optimistic run failed: undo the run, apply one by one."""


async def _apply_together(
    contexts: list[tuple[MutationContext, Mutation]], buffer: ChangeBuffer
) -> list[MutationOutcome] | None:
    """All mutations in one savepoint; None (and nothing written) when one fails."""
    mark = buffer.mark()
    try:
        async with get_storage().atomic_step():
            for context, mutation in contexts:
                mutator = MUTATORS.get(mutation.name)
                try:
                    if mutator is None:
                        raise _FallbackError
                    await mutator(context, mutation.args)
                except Exception as error:
                    raise _FallbackError from error
    except _FallbackError:
        buffer.discard_after(mark)
        return None
    return [MutationOutcome(mutation.id, MutationStatus.APPLIED) for _, mutation in contexts]


async def push(
    user: UserRecord,
    client_id: str,
    protocol_version: int,
    mutations: list[Mutation],
    *,
    principal: Principal | None = None,
) -> PushOutcome:
    check_protocol_version(protocol_version)
    check_client_id(client_id)
    if len(mutations) > MAX_MUTATIONS_PER_PUSH:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST, f"每次最多推送 {MAX_MUTATIONS_PER_PUSH} 个操作"
        )
    storage = get_storage()
    results: list[MutationOutcome | None] = []  # None: to apply, filled in below
    async with storage.write_transaction(), changes.collected() as buffer:
        client = await storage.client(client_id)
        if client is not None and client.user_id != user.id:
            raise DoorstepError(ErrorCode.FORBIDDEN, "该设备编号属于其他用户", field="clientId")
        await devices.admit_push(client_id, principal)  # a revoked device: one last push, then wipe
        first_seen = client is None
        last = client.last_mutation_id if client else 0
        start = last
        pending: list[tuple[MutationContext, Mutation]] = []
        gap: MutationOutcome | None = None
        for mutation in mutations:
            if mutation.id <= last:
                results.append(MutationOutcome(mutation.id, MutationStatus.DUPLICATE))
                continue
            if mutation.id > last + 1:
                error = DoorstepError(
                    ErrorCode.OUT_OF_ORDER,
                    f"操作 {mutation.id} 之前缺少操作 {last + 1}",
                    details={"lastMutationId": last},
                )
                gap = MutationOutcome(mutation.id, MutationStatus.REJECTED, error)
                break
            pending.append((MutationContext(user, client_id, mutation.id), mutation))
            results.append(None)
            last = mutation.id
        applied = await _apply_together(pending, buffer) if len(pending) > 1 else None
        if applied is None:
            applied = [await _apply(context, mutation, buffer) for context, mutation in pending]
        outcomes = iter(applied)
        results = [next(outcomes) if r is None else r for r in results]
        if gap is not None:
            results.append(gap)
        if last != start or first_seen:
            await storage.save_client(ClientState(client_id, user.id, last), datetime.now(UTC))
    crash_hook.after_push_commit()
    return PushOutcome(last, [r for r in results if r is not None])
