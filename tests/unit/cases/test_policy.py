"""Who sees, edits and reviews a case; who loses it on reassignment."""

from __future__ import annotations

from uuid import UUID, uuid4

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.masking import mask_fields, mask_id_number
from backend.cases.policy import (
    CaseParties,
    audience_of,
    may_create,
    may_edit,
    may_review,
    may_see,
    scope_of,
    shows_full_identity,
)
from backend.cases.status import CaseKind
from sync.changelog.audience import lost_audience, sees

TEAM, OTHER_TEAM, UNIT = uuid4(), uuid4(), uuid4()


def _user(role: Role, team: UUID | None = None, unit: UUID | None = None) -> UserRecord:
    return UserRecord(uuid4(), role.lower(), "x", role, team, unit, True, 0)


STAFF1, STAFF2 = _user(Role.FIELD_STAFF, TEAM), _user(Role.FIELD_STAFF, TEAM)
SUPERVISOR = _user(Role.SUPERVISOR, TEAM)
OTHER_SUPERVISOR = _user(Role.SUPERVISOR, OTHER_TEAM)
EMPLOYER = _user(Role.EMPLOYER, unit=UNIT)
ADMIN = _user(Role.ADMIN)


def _case(kind: CaseKind = CaseKind.WITHDRAWAL, assignee: UUID | None = None) -> CaseParties:
    return CaseParties(kind, STAFF1.id, assignee or STAFF1.id, TEAM, UNIT)


def test_a_field_worker_sees_only_cases_assigned_to_them_or_created_by_them() -> None:
    assert may_see(STAFF1, _case())
    assert not may_see(STAFF2, _case())
    assert may_see(STAFF2, _case(assignee=STAFF2.id))
    assert may_see(STAFF1, _case(assignee=STAFF2.id))  # still its creator


def test_a_supervisor_sees_their_teams_cases_only() -> None:
    assert may_see(SUPERVISOR, _case())
    assert not may_see(OTHER_SUPERVISOR, _case())
    assert may_review(SUPERVISOR, _case())
    assert not may_review(OTHER_SUPERVISOR, _case())
    assert not may_review(STAFF1, _case())


def test_an_employer_sees_their_units_registration_cases_only() -> None:
    assert may_see(EMPLOYER, _case(CaseKind.UNIT_REGISTRATION))
    assert not may_see(EMPLOYER, _case(CaseKind.WITHDRAWAL))
    assert may_create(EMPLOYER, CaseKind.UNIT_REGISTRATION)
    assert not may_create(EMPLOYER, CaseKind.WITHDRAWAL)


def test_admins_see_every_case_but_not_full_id_numbers() -> None:
    assert may_see(ADMIN, _case())
    assert may_edit(ADMIN, _case())
    assert not shows_full_identity(ADMIN, _case())
    assert shows_full_identity(STAFF1, _case())
    assert shows_full_identity(SUPERVISOR, _case())
    assert not shows_full_identity(STAFF2, _case())


def test_the_scope_and_the_audience_agree_with_may_see() -> None:
    for user in (STAFF1, STAFF2, SUPERVISOR, OTHER_SUPERVISOR, EMPLOYER, ADMIN):
        for case in (_case(), _case(CaseKind.UNIT_REGISTRATION), _case(assignee=STAFF2.id)):
            assert sees(scope_of(user), audience_of(case)) == may_see(user, case)


def test_reassignment_revokes_only_who_no_longer_sees_the_case() -> None:
    before = audience_of(CaseParties(CaseKind.WITHDRAWAL, SUPERVISOR.id, STAFF1.id, TEAM, None))
    after = audience_of(CaseParties(CaseKind.WITHDRAWAL, SUPERVISOR.id, STAFF2.id, TEAM, None))
    lost = lost_audience(before, after)
    assert lost is not None
    assert lost.users == frozenset({STAFF1.id})
    assert lost.team_id is None
    assert not lost.everyone_staff
    assert lost_audience(before, before) is None


def test_id_numbers_are_masked_in_the_middle() -> None:
    assert mask_id_number("520201199001011237") == "520201********1237"
    masked = mask_fields({"id_number": "520201199001011237", "name": "张伟"})
    assert masked == {"id_number": "520201********1237", "name": "张伟"}
