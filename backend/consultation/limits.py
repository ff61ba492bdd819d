"""The rate limits of the public consultation and feedback pages (from the settings)."""

from __future__ import annotations

from backend.consultation.text_rules import is_phone
from backend.settings import Settings
from backend.throttling.rules import Limit
from backend.throttling.service import count_request

HOUR = 3600
DAY = 24 * HOUR
# Suggestions while typing and ticket reads are cheap but public: generous, still bounded.
LOOKUPS_PER_MINUTE = 120


async def count_submission(
    action: str, address: str, contact: str | None, settings: Settings
) -> None:
    """One question or feedback item sent without an account: per address and per phone."""
    phone = "".join((contact or "").split()).replace("－", "-")
    await count_request(
        action,
        {"address": address, "phone": phone if is_phone(phone) else None},
        {
            "address": Limit(settings.public_questions_per_address, HOUR),
            "phone": Limit(settings.public_questions_per_phone, DAY),
        },
    )


async def count_lookup(action: str, address: str) -> None:
    """A suggestion search or a ticket read without an account."""
    await count_request(action, {"address": address}, {"address": Limit(LOOKUPS_PER_MINUTE, 60)})
