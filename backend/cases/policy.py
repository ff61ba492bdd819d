"""Who may see, edit, review a case, and who receives its changes (pure).

A case's *audience* (assignee, creator, the team's supervisor, the unit's employer for a
registration case, admins) and a user's *scope* are two views of one rule, so the case
list, the full sync and the change log all answer "may this user see it" the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.status import CaseKind
from sync.changelog.audience import Audience, Scope, sees

# The account a one-time code creates (``backend.claims.links``): an employer of a new unit
# holding only the claimed case. People's usernames never start like this.
LINK_GUEST_PREFIX = "code:"


@dataclass(frozen=True, slots=True)
class CaseParties:
    kind: CaseKind
    creator: UUID
    assignee: UUID | None
    team_id: UUID | None
    unit_id: UUID | None


def scope_of(user: UserRecord) -> Scope:
    return Scope(
        user_id=user.id,
        team_id=user.team_id if user.role == Role.SUPERVISOR else None,
        unit_id=user.unit_id if user.role == Role.EMPLOYER else None,
        everything=user.role == Role.ADMIN,
    )


def audience_of(case: CaseParties) -> Audience:
    users = {case.creator} | ({case.assignee} if case.assignee else set())
    unit = case.unit_id if case.kind == CaseKind.UNIT_REGISTRATION else None
    return Audience(frozenset(users), case.team_id, unit, everyone_staff=True)


def _supervises(user: UserRecord, case: CaseParties) -> bool:
    team = user.team_id
    return user.role == Role.SUPERVISOR and team is not None and team == case.team_id


def _employs(user: UserRecord, case: CaseParties) -> bool:
    """The employer of the unit a registration case belongs to (created by them, or a case
    staff opened and the unit claimed with the link shown on site)."""
    return (
        user.role == Role.EMPLOYER
        and case.kind == CaseKind.UNIT_REGISTRATION
        and user.unit_id is not None
        and user.unit_id == case.unit_id
    )


def is_link_guest(user: UserRecord) -> bool:
    return user.role == Role.EMPLOYER and user.username.startswith(LINK_GUEST_PREFIX)


def may_see(user: UserRecord, case: CaseParties) -> bool:
    return sees(scope_of(user), audience_of(case))


def may_create(user: UserRecord, kind: CaseKind) -> bool:
    if user.role == Role.EMPLOYER:
        # A one-time code's session is limited to the one case it claimed.
        unit_employer = user.unit_id is not None and not is_link_guest(user)
        return kind == CaseKind.UNIT_REGISTRATION and unit_employer
    return True


def may_edit(user: UserRecord, case: CaseParties) -> bool:
    """Device edits: the staff working the case, its creator, the team's supervisor, admins,
    and the employer of the unit a registration case belongs to."""
    if user.role == Role.ADMIN:
        return True
    if user.id in (case.creator, case.assignee):
        return True
    return _employs(user, case) or _supervises(user, case)


def may_review(user: UserRecord, case: CaseParties) -> bool:
    if user.role == Role.ADMIN:
        return True
    return _supervises(user, case)


may_assign = may_review


def shows_full_identity(user: UserRecord, case: CaseParties) -> bool:
    """Full ID numbers: the field staff owning the case and the supervisor of its team."""
    if user.role == Role.FIELD_STAFF:
        return user.id in (case.creator, case.assignee)
    return _supervises(user, case)
