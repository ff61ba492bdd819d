"""The registry contract, version 1 (docs/registry-contract.md): requests and the parsing of
answers into normalised records (pure). Anything that does not fit is ``MalformedAnswerError``."""

from __future__ import annotations

import re
from typing import Any

from backend.registry.records import (
    CreditLoan,
    FilingRecord,
    MarriageRecord,
    PropertyRecord,
    RegistryResult,
)
from backend.registry.sources import Source

CONTRACT_VERSION = "1"
VERSION_HEADER = "X-Registry-Contract"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT = re.compile(r"\d{1,12}\.\d{2}")
_MARITAL = frozenset({"10", "20", "21", "22", "23", "30", "40", "90"})
LOAN_TYPES = frozenset({"HOUSING", "CONSUMER", "BUSINESS", "OTHER"})


class MalformedAnswerError(ValueError):
    """The registry answered something the contract does not allow."""


def query_path(source: Source) -> str:
    return f"/v{CONTRACT_VERSION}/{source.path}/query"


def query_body(id_number: str, name: str, purpose: str, request_id: str) -> dict[str, Any]:
    return {
        "contractVersion": CONTRACT_VERSION,
        "requestId": request_id,
        "subject": {"idNumber": id_number, "name": name},
        "purpose": purpose,
    }


def _text(item: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MalformedAnswerError(f"{key}: expected a non-empty string")
    return value.strip()


def _matching(item: dict[str, Any], key: str, pattern: re.Pattern[str]) -> str | None:
    value = _text(item, key, required=False)
    if value is not None and not pattern.fullmatch(value):
        raise MalformedAnswerError(f"{key}: {value!r} does not match the contract")
    return value


def _property(item: dict[str, Any]) -> PropertyRecord:
    return PropertyRecord(
        certificate_number=str(_text(item, "certificateNumber")),
        address=str(_text(item, "address")),
        registered_on=_matching(item, "registeredOn", _DATE),
        area=_text(item, "area", required=False),
    )


def _marriage(item: dict[str, Any]) -> MarriageRecord:
    status = str(_text(item, "status"))
    if status not in _MARITAL:
        raise MalformedAnswerError(f"status: {status!r} is not a GB/T 2261.2 code")
    return MarriageRecord(
        status=status,
        registered_on=_matching(item, "registeredOn", _DATE),
        spouse_name=_text(item, "spouseName", required=False),
    )


def _filing(item: dict[str, Any]) -> FilingRecord:
    return FilingRecord(
        contract_number=str(_text(item, "contractNumber")),
        address=str(_text(item, "address")),
        price=_matching(item, "price", _AMOUNT),
        filed_on=_matching(item, "filedOn", _DATE),
    )


def _loan(item: dict[str, Any]) -> CreditLoan:
    loan_type = str(_text(item, "loanType"))
    status = str(_text(item, "status"))
    if loan_type not in LOAN_TYPES or status not in ("ACTIVE", "CLOSED"):
        raise MalformedAnswerError("loanType/status: not a contract value")
    return CreditLoan(
        loan_type=loan_type,
        lender=str(_text(item, "lender")),
        contract_number=_text(item, "contractNumber", required=False),
        amount=_matching(item, "amount", _AMOUNT),
        balance=_matching(item, "balance", _AMOUNT),
        opened_on=_matching(item, "openedOn", _DATE),
        status=status,
    )


_PARSERS = {
    Source.REAL_ESTATE: _property,
    Source.MARRIAGE: _marriage,
    Source.HOUSING_FILING: _filing,
    Source.CREDIT: _loan,
}


def parse_answer(source: Source, body: Any, request_id: str) -> RegistryResult:
    """A 200 answer's JSON body → the normalised result."""
    if not isinstance(body, dict):
        raise MalformedAnswerError("the answer is not a JSON object")
    if str(body.get("contractVersion")) != CONTRACT_VERSION:
        raise MalformedAnswerError(f"contractVersion {body.get('contractVersion')!r} is not 1")
    if body.get("source") != str(source):
        raise MalformedAnswerError(f"source {body.get('source')!r} is not {source}")
    if body.get("requestId") != request_id:
        raise MalformedAnswerError("requestId does not echo the request")
    found = body.get("found")
    records = body.get("records")
    if not isinstance(found, bool) or not isinstance(records, list):
        raise MalformedAnswerError("found must be a boolean and records a list")
    if not all(isinstance(r, dict) for r in records):
        raise MalformedAnswerError("records must be objects")
    if not found and records:
        raise MalformedAnswerError("records given for a person not found")
    parse = _PARSERS[source]
    return RegistryResult(
        source=source,
        found=found,
        records=tuple(parse(r) for r in records),
        queried_at=body.get("queriedAt") if isinstance(body.get("queriedAt"), str) else None,
        request_id=request_id,
    )
