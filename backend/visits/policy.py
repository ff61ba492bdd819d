"""Who may do what with a visit (pure)."""

from __future__ import annotations

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.visits.models import VisitRecord

DISPATCHERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
DESK = frozenset({Role.FIELD_STAFF, Role.SUPERVISOR, Role.ADMIN})  # hotline and window too


def may_dispatch(user: UserRecord) -> bool:
    return user.role in DISPATCHERS


def may_see(user: UserRecord, visit: VisitRecord) -> bool:
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.SUPERVISOR:
        return visit.team_id is None or visit.team_id == user.team_id
    return user.role == Role.FIELD_STAFF and visit.assignee == user.id


def may_work_on(user: UserRecord, visit: VisitRecord) -> bool:
    """Record the outcome or start the case: the assignee, their supervisor, admins."""
    if user.role == Role.FIELD_STAFF:
        return visit.assignee == user.id
    return may_dispatch(user) and may_see(user, visit)
