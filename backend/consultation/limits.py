"""The rate limits of the public consultation and feedback pages (from the settings).

Counting is the throttling domain's (in the database, shared by every app process). Once
the database has refused a subject, this process also remembers it until that window
ends and refuses further requests from it without a write: the decision cannot change
before then, and a flood from one address then costs almost nothing, so others are not
slowed down (``bench/public_flood.py``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from backend.consultation.text_rules import is_phone
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings
from backend.throttling.rules import Limit
from backend.throttling.service import count_request

HOUR = 3600
DAY = 24 * HOUR
# Suggestions while typing and ticket reads are cheap but public: generous, still bounded.
LOOKUPS_PER_MINUTE = 120
_MEMO_SIZE = 10_000

# (action, kind, subject) → monotonic time until which the database refuses it
_refused: dict[tuple[str, str, str], float] = {}
# address → the latest of its remembered refusals (a dict lookup per request at the edge)
_refused_addresses: dict[str, float] = {}
# The public root fields and the limit each counts against, for the edge guard
# (``backend/web/public_guard.py``), which refuses a remembered address before parsing.
ACTION_OF_FIELD = {
    "askQuestion": "consultation.ask",
    "submitFeedback": "feedback.submit",
    "consultationSuggestions": "consultation.suggest",
    "consultation": "consultation.ticket",
    "rateConsultation": "consultation.ticket",
    "subscribeConsultationPush": "consultation.ticket",
    "feedbackByTicket": "feedback.ticket",
}


def _refusal(kind: str, wait: int) -> DoorstepError:
    """A phone number's own code: the member on it may be on a new address, and should
    learn that trying again later today will not help."""
    code = ErrorCode.PHONE_RATE_LIMITED if kind == "phone" else ErrorCode.RATE_LIMITED
    return DoorstepError(code, details={"retryAfterSeconds": wait})


def _remembered(key: tuple[str, str, str], now: float) -> None:
    until = _refused.get(key)
    if until is None:
        return
    if until <= now:
        del _refused[key]
        return
    raise _refusal(key[1], max(1, int(until - now + 0.999)))


async def _count(
    action: str, subjects: Mapping[str, str | None], limits: Mapping[str, Limit]
) -> None:
    """Each subject in turn (address first): a refused one stops the request."""
    for kind, subject in subjects.items():
        if not subject:
            continue
        key, now = (action, kind, subject), time.monotonic()
        _remembered(key, now)
        try:
            await count_request(action, {kind: subject}, {kind: limits[kind]})
        except DoorstepError as refused:
            if refused.code is ErrorCode.RATE_LIMITED:
                if len(_refused) >= _MEMO_SIZE:
                    forget_refusals()
                until = now + float(refused.details.get("retryAfterSeconds", 1))
                _refused[key] = until
                if kind == "address":
                    _refused_addresses[subject] = max(until, _refused_addresses.get(subject, 0.0))
                raise _refusal(kind, int(refused.details.get("retryAfterSeconds", 1))) from None
            raise


def address_refused(address: str) -> bool:
    """Whether this process remembers a refusal of the address (one dict lookup)."""
    until = _refused_addresses.get(address)
    if until is None:
        return False
    if until <= time.monotonic():
        del _refused_addresses[address]
        return False
    return True


def refused_fields(address: str, fields: set[str]) -> int | None:
    """Seconds to wait when one of ``fields`` counts against a limit this process
    remembers the address exhausted; None when the request may go on."""
    now = time.monotonic()
    waits = [
        _refused.get((ACTION_OF_FIELD[name], "address", address), 0.0) - now
        for name in fields
        if name in ACTION_OF_FIELD
    ]
    longest = max(waits, default=0.0)
    return max(1, int(longest + 0.999)) if longest > 0 else None


def forget_refusals() -> None:
    """Drops what this process remembers (tests that change the limits)."""
    _refused.clear()
    _refused_addresses.clear()


async def count_submission(
    action: str, address: str, contact: str | None, settings: Settings
) -> None:
    """One question or feedback item sent without an account: per address and per phone."""
    phone = "".join((contact or "").split()).replace("－", "-")
    await _count(
        action,
        {"address": address, "phone": phone if is_phone(phone) else None},
        {
            "address": Limit(settings.public_questions_per_address, HOUR),
            "phone": Limit(settings.public_questions_per_phone, DAY),
        },
    )


async def count_lookup(action: str, address: str) -> None:
    """A suggestion search or a ticket read without an account."""
    await _count(action, {"address": address}, {"address": Limit(LOOKUPS_PER_MINUTE, 60)})
