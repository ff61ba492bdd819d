"""Plain records of the assessment domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from backend.accounts.models import UserRecord


@dataclass(frozen=True, slots=True)
class StaffMetrics:
    staff_id: UUID
    submitted: int
    approved: int
    returned: int
    return_rate: float | None
    median_hours_to_approval: float | None
    flags_by_rule: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NamedMetrics:
    staff: UserRecord
    metrics: StaffMetrics
