"""Employer links: the QR code (and one-time code) staff show on site, as pure rules.

The staff's tablet draws a random *secret* (put in the link) and a six-digit *code* (read
out). Only digests leave the tablet: ``sha256(secret)`` finds the link, and
``sha256(secret:code)`` checks the code, so neither value can be recovered from the server.
A signed-in employer with the link claims the case for their unit; without an account, the
link plus the code give a short session limited to that one case. Either way a link is
claimed once, by one unit; wrong codes are counted and lock the link after a few.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from uuid import UUID

from backend.cases.policy import LINK_GUEST_PREFIX
from backend.claims.models import LinkRecord
from backend.errors import ErrorCode
from backend.verification.validators import halfwidth

LINK_LIFETIME = timedelta(hours=24)  # from when the link reaches the server
GUEST_SESSION = timedelta(hours=12)  # a one-time code's session; it cannot be refreshed
MAX_CODE_FAILURES = 5
CODE_DIGITS = 6


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def code_hash(secret: str, code: str) -> str:
    return hashlib.sha256(f"{secret}:{normalise_code(code)}".encode()).hexdigest()


def normalise_code(code: str) -> str:
    """What people type for "123 456": full-width digits, spaces and dashes are fine."""
    return "".join(ch for ch in halfwidth(code) if ch.isdigit())


def code_matches(link: LinkRecord, secret: str, code: str) -> bool:
    return hmac.compare_digest(link.code_hash, code_hash(secret, code))


def refusal(link: LinkRecord, at: datetime, unit_id: UUID | None) -> ErrorCode | None:
    """Why ``unit_id`` (None: a one-time code) may not claim the link now, if it may not.

    A unit that already claimed it may open it again (the same employer scanning twice).
    """
    if link.claimed_at is not None:
        same_unit = unit_id is not None and unit_id == link.claimed_unit
        return None if same_unit else ErrorCode.LINK_USED
    if link.failed_attempts >= MAX_CODE_FAILURES:
        return ErrorCode.TOO_MANY_ATTEMPTS
    if at >= link.expires_at:
        return ErrorCode.LINK_EXPIRED
    return None


def case_taken(case_unit: UUID | None, unit_id: UUID | None) -> bool:
    """A case that already belongs to another unit is not moved by a link."""
    return case_unit is not None and case_unit != unit_id


def attempts_left(failed_attempts: int) -> int:
    return max(0, MAX_CODE_FAILURES - failed_attempts)


def guest_username(link_id: UUID) -> str:
    return f"{LINK_GUEST_PREFIX}{link_id.hex}"
