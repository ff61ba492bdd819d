"""Pure rules of tickets: the unguessable link a member keeps to read their own answer.

A ticket is 24 random bytes (192 bits, base64url); only its SHA-256 is stored, so the
database alone gives no one the link, and nothing else finds a question.
"""

from __future__ import annotations

import hashlib
import re
import secrets

_TICKET = re.compile(r"[A-Za-z0-9_-]{32}")


def new_ticket() -> str:
    return secrets.token_urlsafe(24)


def ticket_hash(ticket: str) -> str | None:
    """The stored digest, or None for something that cannot be a ticket."""
    if not _TICKET.fullmatch(ticket):
        return None
    return hashlib.sha256(ticket.encode()).hexdigest()
