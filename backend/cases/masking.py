"""Masking of personal numbers in lists (pure)."""

from __future__ import annotations

from typing import Any

ID_NUMBER_FIELDS = ("id_number", "proxy_id_number")


def mask_id_number(value: str) -> str:
    """``520201199001011237`` → ``520201********1237``: region and last four stay readable."""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_fields(fields: dict[str, Any]) -> dict[str, Any]:
    masked = dict(fields)
    for key in ID_NUMBER_FIELDS:
        value = masked.get(key)
        if isinstance(value, str) and value:
            masked[key] = mask_id_number(value)
    return masked
