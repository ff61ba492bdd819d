"""Who may query which source for which case; the purpose; the credit authorisation (pure)."""

from __future__ import annotations

from uuid import uuid4

import pytest

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.policy import CaseParties
from backend.cases.status import CaseKind
from backend.registry.rules import SignedDocument, clean_purpose, credit_consent, refusal
from backend.registry.sources import Source, needed_sources

TEAM = uuid4()
OTHER_TEAM = uuid4()


def user(role: Role, team: object = TEAM) -> UserRecord:
    return UserRecord(id=uuid4(), username=str(role).lower(), display_name="x", role=role,
                      team_id=team, unit_id=None, active=True, token_version=1)  # type: ignore[arg-type]


def parties(creator: UserRecord) -> CaseParties:
    return CaseParties(CaseKind.WITHDRAWAL, creator.id, creator.id, TEAM, None)


ALL = frozenset({"FIELD_STAFF", "SUPERVISOR", "ADMIN"})


def test_roles_come_from_the_setting_of_the_source() -> None:
    staff = user(Role.FIELD_STAFF)
    case = parties(staff)
    assert refusal(staff, Source.REAL_ESTATE, case, frozenset({"FIELD_STAFF"})) is None
    assert refusal(staff, Source.CREDIT, case, frozenset({"SUPERVISOR"})) == "role"
    employer = user(Role.EMPLOYER, None)
    assert refusal(employer, Source.REAL_ESTATE, case, ALL | {"EMPLOYER"}) == "role"


@pytest.mark.parametrize(
    ("who", "expected"),
    [("owner", None), ("other_staff", "not_own_case"), ("supervisor", None),
     ("other_supervisor", "not_own_team"), ("admin", None)],
)
def test_only_ones_own_cases_or_team(who: str, expected: str | None) -> None:
    owner = user(Role.FIELD_STAFF)
    people = {
        "owner": owner, "other_staff": user(Role.FIELD_STAFF),
        "supervisor": user(Role.SUPERVISOR), "other_supervisor": user(Role.SUPERVISOR, OTHER_TEAM),
        "admin": user(Role.ADMIN, None),
    }
    assert refusal(people[who], Source.MARRIAGE, parties(owner), ALL) == expected


def test_purpose_is_required_and_bounded() -> None:
    assert clean_purpose("  核实   婚姻状况 ") == "核实 婚姻状况"
    assert clean_purpose(" ") is None
    assert clean_purpose("x" * 201) is None


def test_credit_needs_the_signature_that_reached_the_centre() -> None:
    sha = "a" * 64
    assert credit_consent({"signature": sha}, [SignedDocument(sha, "uploaded")]) == sha
    assert credit_consent({"signature": sha}, [SignedDocument(sha, "pending_upload")]) is None
    assert credit_consent({"signature": sha}, [SignedDocument("b" * 64, "uploaded")]) is None
    assert credit_consent({}, [SignedDocument(sha, "uploaded")]) is None


def test_sources_by_business_type() -> None:
    assert needed_sources("withdrawal", {"withdrawal_reason": "07"}) == (
        Source.REAL_ESTATE, Source.MARRIAGE)
    assert Source.CREDIT in needed_sources("withdrawal", {"withdrawal_reason": "06"})
    assert needed_sources("withdrawal", {"withdrawal_reason": "03"}) == ()
    assert needed_sources("unit_registration", {}) == ()
