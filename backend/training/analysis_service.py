"""The supervisors' case analysis: finished attempts of the people they look after."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.training import queries
from backend.training.analysis import MissCount, most_missed


async def analysis(user: UserRecord) -> tuple[list[MissCount], list[UserRecord]]:
    """A supervisor: their team; an admin: everyone; staff: themselves."""
    if user.role == Role.ADMIN:
        attempts = await queries.attempts_of(None)
    elif user.role == Role.SUPERVISOR and user.team_id is not None:
        members = await accounts.team_members(user.team_id)
        attempts = await queries.attempts_of([m.id for m in members])
    elif user.role == Role.FIELD_STAFF:
        attempts = await queries.attempts_of([user.id])
    else:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    rows = most_missed(attempts)
    users = await accounts.users_by_ids(list({r.user_id for r in rows if r.user_id}))
    return rows, users


async def drill_titles(drill_ids: Sequence[UUID]) -> dict[UUID, str]:
    return {i: d.title for i, d in (await queries.drills_by_ids(list(set(drill_ids)))).items()}
