"""Who receives a change (its audience) and what a user receives (their scope), pure.

Each change in the log carries its audience; pull matches it against the caller's scope.
Domains decide both (e.g. ``backend.cases.policy``); this module only defines the match.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user receives: changes addressed to them, their team, their unit, or all."""

    user_id: UUID
    team_id: UUID | None = None  # supervisors only
    unit_id: UUID | None = None  # employers only
    everything: bool = False  # admins

    def fingerprint(self) -> str:
        """Changes when what the user may see changes (then their cursor is reset)."""
        return f"{self.team_id or '-'}:{self.unit_id or '-'}:{int(self.everything)}"


@dataclass(frozen=True, slots=True)
class Audience:
    users: frozenset[UUID]
    team_id: UUID | None = None
    unit_id: UUID | None = None
    everyone_staff: bool = False  # admins
    public: bool = False  # every signed-in user (knowledge base)


def sees(scope: Scope, audience: Audience) -> bool:
    return (
        audience.public
        or (scope.everything and audience.everyone_staff)
        or scope.user_id in audience.users
        or (scope.team_id is not None and scope.team_id == audience.team_id)
        or (scope.unit_id is not None and scope.unit_id == audience.unit_id)
    )


def lost_audience(before: Audience, after: Audience) -> Audience | None:
    """Who saw the case before a change of parties and no longer does (they get a delete)."""
    users = before.users - after.users
    team = before.team_id if before.team_id != after.team_id else None
    unit = before.unit_id if before.unit_id != after.unit_id else None
    if not users and team is None and unit is None:
        return None
    return Audience(frozenset(users), team, unit)


