"""A case's risk level: the highest severity among its flags and document checks (pure).

The review queue filters by it; ``info`` items do not raise it above ``none``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any


class RiskLevel(StrEnum):
    NONE = "none"
    WARNING = "warning"
    ERROR = "error"


def risk_level(items: Iterable[dict[str, Any]]) -> RiskLevel:
    severities = {item.get("severity") for item in items}
    if "error" in severities:
        return RiskLevel.ERROR
    if "warning" in severities:
        return RiskLevel.WARNING
    return RiskLevel.NONE
