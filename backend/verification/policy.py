"""The policy in force on a date, built from the versioned rows (pure).

Rows are never edited: a new row for a key supersedes the older ones from its
``effective_from`` on. On a date, each key takes the row with the latest
``effective_from`` not after that date (ties: the latest written). A key with no row in
force falls back to its seeded default, marked ``from_table=False`` so nobody mistakes it
for an admin's decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from backend.verification.policy_keys import KEY_SPECS, parse_value


@dataclass(frozen=True, slots=True)
class PolicyEntry:
    key: str
    value: Any  # JSON as stored
    effective_from: date | None  # None: the built-in default (no row in force)
    source: str
    created_by: str | None = None
    created_at: datetime | None = None

    @property
    def from_table(self) -> bool:
        return self.effective_from is not None


@dataclass(frozen=True, slots=True)
class Policy:
    on: date
    entries: tuple[PolicyEntry, ...]
    materials: Mapping[str, tuple[str, ...]]  # "withdrawal.06" | "unit_registration" → doc types
    required_fields: Mapping[str, tuple[str, ...]]  # withdrawal | withdrawal.proxy | unit_…
    deposit_ratio_min: Decimal
    deposit_ratio_max: Decimal
    certificate_validity_days: Mapping[str, int]  # doc type → days
    recent_divorce_days: int
    property_reuse_months: int
    no_property_reasons: frozenset[str]
    withdrawal_interval_months: Mapping[str, int]  # reason → months, 0 = none
    amount_cap: Mapping[str, Decimal | None]  # reason → cap per withdrawal

    def entry(self, key: str) -> PolicyEntry:
        return next(e for e in self.entries if e.key == key)

    def source_of(self, key: str) -> dict[str, Any]:
        """Evidence: which policy row a rule applied."""
        entry = self.entry(key)
        return {
            "key": key,
            "value": entry.value,
            "effectiveFrom": entry.effective_from.isoformat() if entry.effective_from else None,
            "source": entry.source,
        }


def _in_force(on: date, rows: Iterable[PolicyEntry]) -> dict[str, PolicyEntry]:
    chosen: dict[str, PolicyEntry] = {}
    for row in rows:
        if row.key not in KEY_SPECS or row.effective_from is None or row.effective_from > on:
            continue
        best = chosen.get(row.key)
        if best is None or _order(row) > _order(best):
            chosen[row.key] = row
    return chosen


def _order(row: PolicyEntry) -> tuple[date, str]:
    assert row.effective_from is not None
    return (row.effective_from, row.created_at.isoformat() if row.created_at else "")


def _suffixed(values: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {key[len(prefix) :]: value for key, value in values.items() if key.startswith(prefix)}


def build_policy(on: date, rows: Iterable[PolicyEntry]) -> Policy:
    chosen = _in_force(on, rows)
    entries = tuple(
        chosen.get(key)
        or PolicyEntry(key, spec.default, None, "内置默认值（策略表无记录）：" + spec.source)
        for key, spec in KEY_SPECS.items()
    )
    values = {entry.key: parse_value(entry.key, entry.value) for entry in entries}
    return Policy(
        on=on,
        entries=entries,
        materials=_suffixed(values, "materials."),
        required_fields=_suffixed(values, "required_fields."),
        deposit_ratio_min=values["deposit_ratio.min_percent"],
        deposit_ratio_max=values["deposit_ratio.max_percent"],
        certificate_validity_days=_suffixed(values, "certificate_validity_days."),
        recent_divorce_days=values["recent_divorce_days"],
        property_reuse_months=values["property_reuse_months"],
        no_property_reasons=values["no_property_reasons"],
        withdrawal_interval_months=_suffixed(values, "withdrawal_interval_months."),
        amount_cap=_suffixed(values, "amount_cap."),
    )


def default_policy(on: date) -> Policy:
    """The seeded defaults alone (tests, and ``doorstep extract`` which has no database)."""
    return build_policy(on, ())
