"""Lost or stolen tablets: revoking a device (one sync client id) and disabling users.

A revoked device may push once more (its unsent work is saved); from then on every push
and pull answers ``DEVICE_REVOKED`` (``extensions.wipe = true``) and the device drops its
local data. See sync/PROTOCOL.md, "Revoked devices".

Tokens carry the signed-in device (``dev`` claim, kept across refreshes); push and pull
record which client ids that device used (``DeviceClient``). Revoking a client id revokes
every device session that used it, so its tokens fail at once on every other path too
(GraphQL, tus, /files, refreshSession: ``refuse_revoked``); a device session that later
uses a revoked client id is revoked with it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import queries
from backend.accounts.models import DeviceEntry, DeviceRevocationRecord, Principal, UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from sync.changelog.piccolo_storage import get_storage

SYNC_OPERATIONS = frozenset({"push", "pull"})
"""GraphQL fields a revoked device still reaches: push once more, then be told to wipe."""


def _now() -> datetime:
    return datetime.now(UTC)


def may_manage(actor: UserRecord, owner: UserRecord) -> bool:
    """Admins manage everyone; a supervisor, the field staff of their own team."""
    if actor.role == Role.ADMIN:
        return True
    return (
        actor.role == Role.SUPERVISOR
        and actor.team_id is not None
        and owner.team_id == actor.team_id
        and owner.role == Role.FIELD_STAFF
    )


async def revoke_device(actor: UserRecord, client_id: str) -> UserRecord:
    """Revokes ``client_id``; returns its owner (the user the sync server knows it by)."""
    client = await get_storage().client(client_id)
    # A client that has only pulled so far is known by the sign-ins that used it.
    owner_id = client.user_id if client else await queries.user_of_client(client_id)
    owner = await queries.user_by_id(owner_id) if owner_id else None
    if owner is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该设备", field="clientId")
    if not may_manage(actor, owner):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    await queries.insert_revocation_if_absent(
        DeviceRevocationRecord(client_id, owner.id, actor.id, _now(), None)
    )
    sessions = await queries.devices_of_client(client_id)
    await queries.revoke_device_sessions(sessions, owner.id, client_id, _now())
    return owner


def may_see_devices(viewer: UserRecord, owner: UserRecord) -> bool:
    """Everyone sees their own devices; a supervisor their team members', admins anyone's
    (the team rule of cases, ``backend.cases.policy``)."""
    if viewer.id == owner.id or viewer.role == Role.ADMIN:
        return True
    return (
        viewer.role == Role.SUPERVISOR
        and viewer.team_id is not None
        and owner.team_id == viewer.team_id
    )


async def _visible_owners(viewer: UserRecord, user_id: UUID | None) -> list[UUID] | None:
    """Whose devices the list shows (``None``: everyone's)."""
    if user_id is not None:
        owner = await queries.user_by_id(user_id)
        if owner is None:
            raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该用户", field="userId")
        if not may_see_devices(viewer, owner):
            raise DoorstepError(ErrorCode.FORBIDDEN, "只能查看本人或本组成员的设备")
        return [owner.id]
    if viewer.role == Role.ADMIN:
        return None
    if viewer.role == Role.SUPERVISOR and viewer.team_id is not None:
        members = await queries.team_members(viewer.team_id)
        return sorted({viewer.id} | {member.id for member in members})
    return [viewer.id]


async def list_devices(viewer: UserRecord, user_id: UUID | None = None) -> list[DeviceEntry]:
    """The devices (sync client ids) of ``user_id`` or, without it, of everyone the viewer
    may see; newest activity first."""
    uses = await queries.device_uses(await _visible_owners(viewer, user_id))
    revocations = {
        record.client_id: record
        for record in await queries.device_revocations(sorted({use.client_id for use in uses}))
    }
    people = {
        user.id: user
        for user in await queries.users_by_ids(
            sorted(
                {use.user_id for use in uses}
                | {record.revoked_by for record in revocations.values()}
            )
        )
    }
    entries = [
        DeviceEntry(
            client_id=use.client_id,
            user=people[use.user_id],
            first_seen=use.first_seen,
            last_seen=use.last_seen,
            revocation=revocations.get(use.client_id),
            revoked_by=people.get(revocations[use.client_id].revoked_by)
            if use.client_id in revocations
            else None,
        )
        for use in uses
        if use.user_id in people
    ]
    entries.sort(key=lambda entry: (entry.last_seen, entry.client_id), reverse=True)
    return entries


async def disable_user(actor: UserRecord, user_id: UUID) -> UserRecord:
    """Signs the user out everywhere and refuses their sign-in from now on."""
    user = await queries.user_by_id(user_id)
    if user is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="id")
    if user.id == actor.id:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "不能停用自己的账号", field="id")
    if not may_manage(actor, user):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    await queries.set_active(user.id, False)
    await queries.raise_token_version(user.id)
    disabled = await queries.user_by_id(user.id)
    assert disabled is not None
    return disabled


def _revoked(final_push_allowed: bool) -> DoorstepError:
    return DoorstepError(
        ErrorCode.DEVICE_REVOKED,
        details={"wipe": True, "finalPushAllowed": final_push_allowed},
        field="clientId",
    )


def refuse_revoked(principal: Principal) -> None:
    """Every authenticated path but sync: a revoked device's tokens are refused at once."""
    if principal.revoked_client is not None:
        raise DoorstepError(ErrorCode.DEVICE_REVOKED, details={"wipe": True})


async def _link(client_id: str, principal: Principal | None) -> None:
    """Records that the device used ``client_id``; a revocation of either covers both."""
    if principal is None:
        return
    user_id = principal.user.id
    if await queries.device_used_client(client_id, principal.device_id):
        await queries.touch_device_client(client_id, principal.device_id, _now())
    else:
        await queries.link_device_client(client_id, principal.device_id, user_id, _now())
    if principal.revoked_client is not None and principal.revoked_client != client_id:
        # The revoked device under a new client id: that id is refused as well.
        first = await queries.device_revocation(principal.revoked_client)
        revoked_by = first.revoked_by if first else user_id
        await queries.insert_revocation_if_absent(
            DeviceRevocationRecord(client_id, user_id, revoked_by, _now(), None)
        )
    elif principal.revoked_client is None and await queries.device_revocation(client_id):
        # A new sign-in on a revoked tablet: that device session is revoked too.
        await queries.revoke_device_sessions([principal.device_id], user_id, client_id, _now())


async def admit_push(client_id: str, principal: Principal | None = None) -> None:
    """Inside the push transaction: the one push after revocation goes through."""
    await _link(client_id, principal)
    revocation = await queries.device_revocation(client_id)
    if revocation is None:
        return
    if not await queries.use_final_push(client_id, _now()):
        raise _revoked(final_push_allowed=False)


async def admit_pull(client_id: str, principal: Principal | None = None) -> None:
    """Pull never serves a revoked device; it tells it to push what it can, then wipe."""
    await _link(client_id, principal)
    revocation = await queries.device_revocation(client_id)
    if revocation is not None:
        raise _revoked(final_push_allowed=revocation.final_push_at is None)
