"""Housekeeping of employer links: a one-time code's session ends after ``GUEST_SESSION``.

The code's account (``code:…``, an employer of the unit made for that one case) is disabled
then, so neither its access nor its refresh token works any more. Looked at over the last
week of claims, every 15 minutes (a worker down longer than that leaves older ones alone).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.accounts import queries as account_queries
from backend.cases.policy import is_link_guest
from backend.claims import links
from backend.claims import queries as link_queries
from backend.jobs.schedule import periodic

LOOK_BACK = timedelta(days=7)


@periodic("cases.expire_link_guests", every=timedelta(minutes=15))
async def expire_link_guests(now: datetime) -> str:
    cutoff = now - links.GUEST_SESSION
    claimers = await link_queries.guests_claimed_between(cutoff - LOOK_BACK, cutoff)
    expired = [
        user
        for user in await account_queries.users_by_ids(claimers)
        if user.active and is_link_guest(user)
    ]
    for user in expired:
        await account_queries.set_active(user.id, False)
    return f"ended {len(expired)} one-time-code sessions"
