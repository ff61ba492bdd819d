"""Employer links as pure rules: who may claim, codes as people type them, employers' edits."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.policy import CaseParties, is_link_guest, may_create, may_edit
from backend.cases.status import CaseKind
from backend.claims import links
from backend.claims.models import LinkRecord
from backend.errors import ErrorCode

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
UNIT, OTHER_UNIT = uuid4(), uuid4()
LINK = LinkRecord(
    id=uuid4(),
    case_id=uuid4(),
    token_hash=links.token_hash("s3cret"),
    code_hash=links.code_hash("s3cret", "123456"),
    offered_by=uuid4(),
    offered_at=NOW,
    expires_at=NOW + links.LINK_LIFETIME,
    failed_attempts=0,
    claimed_at=None,
    claimed_unit=None,
    claimed_by=None,
)


def _employer(username: str = "employer1") -> UserRecord:
    return UserRecord(uuid4(), username, "x", Role.EMPLOYER, None, UNIT, True, 0)


def test_the_digests_are_those_the_tablet_sends() -> None:
    assert LINK.token_hash == hashlib.sha256(b"s3cret").hexdigest()
    assert LINK.code_hash == hashlib.sha256(b"s3cret:123456").hexdigest()


def test_codes_match_as_people_type_them() -> None:
    assert links.code_matches(LINK, "s3cret", "123 456")
    assert links.code_matches(LINK, "s3cret", "１２３-４５６")
    assert not links.code_matches(LINK, "s3cret", "123457")
    assert not links.code_matches(LINK, "other", "123456")


def test_an_open_link_may_be_claimed_until_it_expires() -> None:
    assert links.refusal(LINK, NOW, UNIT) is None
    assert links.refusal(LINK, NOW, None) is None
    assert links.refusal(LINK, LINK.expires_at, UNIT) == ErrorCode.LINK_EXPIRED


def test_a_claimed_link_is_the_claiming_units_only() -> None:
    claimed = replace(LINK, claimed_at=NOW, claimed_unit=UNIT, claimed_by=uuid4())
    assert links.refusal(claimed, NOW, UNIT) is None  # the same employer, again
    assert links.refusal(claimed, NOW + timedelta(days=2), UNIT) is None
    assert links.refusal(claimed, NOW, OTHER_UNIT) == ErrorCode.LINK_USED
    assert links.refusal(claimed, NOW, None) == ErrorCode.LINK_USED  # a code: single use


def test_wrong_codes_lock_the_link() -> None:
    locked = replace(LINK, failed_attempts=links.MAX_CODE_FAILURES)
    assert links.refusal(locked, NOW, None) == ErrorCode.TOO_MANY_ATTEMPTS
    assert links.attempts_left(links.MAX_CODE_FAILURES - 1) == 1
    assert links.attempts_left(links.MAX_CODE_FAILURES + 3) == 0


def test_a_case_of_another_unit_is_not_moved() -> None:
    assert not links.case_taken(None, UNIT)
    assert not links.case_taken(UNIT, UNIT)
    assert links.case_taken(OTHER_UNIT, UNIT)
    assert links.case_taken(OTHER_UNIT, None)


def test_the_units_employers_edit_its_registration_and_a_code_guest_opens_none() -> None:
    staff = uuid4()
    registration = CaseParties(CaseKind.UNIT_REGISTRATION, staff, staff, None, UNIT)
    withdrawal = CaseParties(CaseKind.WITHDRAWAL, staff, staff, None, UNIT)
    other = CaseParties(CaseKind.UNIT_REGISTRATION, staff, staff, None, OTHER_UNIT)
    employer, guest = _employer(), _employer(links.guest_username(uuid4()))
    assert may_edit(employer, registration)
    assert not may_edit(employer, withdrawal)
    assert not may_edit(employer, other)
    assert is_link_guest(guest)
    assert not is_link_guest(employer)
    assert may_create(employer, CaseKind.UNIT_REGISTRATION)
    assert not may_create(guest, CaseKind.UNIT_REGISTRATION)
