"""Pure rules for what a notification says: ID numbers masked, lengths bounded, push payload.

Push payloads pass through third-party push services (and are shown on lock screens), so
they carry only a title, a short body and where to go; never an ID number.
"""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

TITLE_LIMIT = 60
BODY_LIMIT = 500
PUSH_BODY_LIMIT = 120

# 18-digit resident ID numbers (last character may be X), old 15-digit ones, and, to be
# safe, any other 15–19 digit run (bank card numbers) standing on its own.
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[Xx]|\d{15,19})(?![0-9A-Za-z])")


def mask_id_numbers(text: str) -> str:
    """``520201199001011237`` → ``520201********1237``, as in the case lists."""
    return _LONG_NUMBER.sub(lambda m: _mask(m.group(0)), text)


def _mask(number: str) -> str:
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_title(title: str) -> str:
    return clip(mask_id_numbers(title), TITLE_LIMIT)


def clean_body(body: str) -> str:
    return clip(mask_id_numbers(body), BODY_LIMIT)


def target_url(case_id: UUID | None) -> str:
    """The PWA route a click on the notification opens."""
    return f"/cases/{case_id}" if case_id else "/inbox"


def push_payload(title: str, body: str, case_id: UUID | None) -> dict[str, Any]:
    """The JSON the service worker receives (see the SW contract in the report/README)."""
    return {
        "title": clean_title(title),
        "body": clip(mask_id_numbers(body), PUSH_BODY_LIMIT),
        "caseId": str(case_id) if case_id else None,
        "url": target_url(case_id),
    }
