"""Plain records of the visits domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True, slots=True)
class VisitRecord:
    id: UUID
    ticket: str
    kind: str
    channel: str
    name: str
    phone: str
    address: str
    note: str
    preferred_date: date | None
    status: str
    assignee: UUID | None
    team_id: UUID | None
    scheduled_for: date | None
    slot: str | None
    case_id: UUID | None
    company_id: UUID | None
    outcome: str | None
    outcome_note: str
    outcome_at: datetime | None
    outcome_location: dict[str, Any] | None
    entered_by: UUID | None
    created_at: datetime
    updated_at: datetime
    version: int

    def next(self, at: datetime, **changes: Any) -> VisitRecord:
        return replace(self, version=self.version + 1, updated_at=at, **changes)


@dataclass(frozen=True, slots=True)
class VisitRequest:
    kind: str
    name: str
    phone: str
    address: str
    preferred_date: date | None
    note: str


@dataclass(frozen=True, slots=True)
class OutreachCompanyRecord:
    id: UUID
    batch: str
    name: str
    uscc: str | None
    address: str
    contact: str
    phone: str
    visit_id: UUID | None
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class OutreachSummary:
    batch: str
    companies: int
    visited: int
    registered: int  # visits that became a registration case

    @property
    def rate(self) -> float:
        """建缴率: the share of listed companies that became registration cases."""
        return self.registered / self.companies if self.companies else 0.0


@dataclass(frozen=True, slots=True)
class HandoverDeviceRecord:
    id: UUID
    handover_id: UUID
    client_id: str
    last_mutation_id: int
    state: str  # pending | synced | exported
    settled_at: datetime | None


@dataclass(frozen=True, slots=True)
class HandoverRecord:
    id: UUID
    from_user: UUID
    to_user: UUID
    actor: UUID
    reason: str
    at: datetime
    counts: dict[str, int]
    version: int
    devices: tuple[HandoverDeviceRecord, ...] = ()

    @property
    def pending_devices(self) -> list[HandoverDeviceRecord]:
        return [device for device in self.devices if device.state == "pending"]
