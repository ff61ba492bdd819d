"""Normalised results of a registry query: the same shapes whatever gateway answered (pure)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from backend.registry.sources import Source


@dataclass(frozen=True, slots=True)
class PropertyRecord:
    """不动产登记: one registered home of the person."""

    certificate_number: str
    address: str
    registered_on: str | None = None
    area: str | None = None


@dataclass(frozen=True, slots=True)
class MarriageRecord:
    """婚姻登记: the person's current status (GB/T 2261.2 code) and its registration."""

    status: str
    registered_on: str | None = None
    spouse_name: str | None = None


@dataclass(frozen=True, slots=True)
class FilingRecord:
    """商品房交易登记备案: a filed purchase contract."""

    contract_number: str
    address: str
    price: str | None = None
    filed_on: str | None = None


@dataclass(frozen=True, slots=True)
class CreditLoan:
    """个人征信: one loan in the credit record."""

    loan_type: str  # HOUSING | CONSUMER | BUSINESS | OTHER
    lender: str
    contract_number: str | None = None
    amount: str | None = None
    balance: str | None = None
    opened_on: str | None = None
    status: str = "ACTIVE"  # ACTIVE | CLOSED


Record = PropertyRecord | MarriageRecord | FilingRecord | CreditLoan

RECORD_TYPES: dict[Source, type[Any]] = {
    Source.REAL_ESTATE: PropertyRecord,
    Source.MARRIAGE: MarriageRecord,
    Source.HOUSING_FILING: FilingRecord,
    Source.CREDIT: CreditLoan,
}


@dataclass(frozen=True, slots=True)
class RegistryResult:
    """What one source says about one person (``found`` False: no entry for them)."""

    source: Source
    found: bool
    records: tuple[Any, ...] = ()
    queried_at: str | None = None
    request_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": str(self.source),
            "found": self.found,
            "records": [asdict(r) for r in self.records],
            "queriedAt": self.queried_at,
            "requestId": self.request_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RegistryResult:
        source = Source(data["source"])
        kind = RECORD_TYPES[source]
        return cls(
            source=source,
            found=bool(data.get("found")),
            records=tuple(kind(**r) for r in data.get("records") or []),
            queried_at=data.get("queriedAt"),
            request_id=data.get("requestId"),
        )
