"""Parsing registry answers (contract v1): what fits becomes records, the rest is refused."""

from __future__ import annotations

from typing import Any

import pytest

from backend.registry.contract import MalformedAnswerError, parse_answer, query_path
from backend.registry.records import CreditLoan, RegistryResult
from backend.registry.sources import Source


def answer(source: str = "CREDIT", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "contractVersion": "1", "requestId": "r1", "source": source, "found": True,
        "records": [{"loanType": "HOUSING", "lender": "工商银行", "status": "ACTIVE",
                     "contractNumber": "ICBC-1", "balance": "230000.00"}],
        "queriedAt": "2026-12-06T10:00:00+08:00",
    }
    body.update(changes)
    return body


def test_paths_and_a_valid_answer() -> None:
    assert query_path(Source.HOUSING_FILING) == "/v1/housing-filing/query"
    result = parse_answer(Source.CREDIT, answer(), "r1")
    assert result.records == (CreditLoan("HOUSING", "工商银行", "ICBC-1", None, "230000.00"),)
    assert RegistryResult.from_json(result.to_json()) == result


@pytest.mark.parametrize(
    "body",
    [
        [],
        answer(contractVersion="2"),
        answer(source="MARRIAGE"),
        answer(requestId="other"),
        answer(found="yes"),
        answer(found=False),  # records for someone not found
        answer(records=[{"loanType": "CAR", "lender": "x", "status": "ACTIVE"}]),
        answer(records=[{"loanType": "HOUSING", "lender": "x", "status": "ACTIVE",
                         "balance": "12,000"}]),
        answer(records=["loan"]),
    ],
)
def test_answers_outside_the_contract_are_malformed(body: Any) -> None:
    with pytest.raises(MalformedAnswerError):
        parse_answer(Source.CREDIT, body, "r1")


def test_marriage_status_must_be_a_gb_code() -> None:
    body = answer("MARRIAGE", records=[{"status": "married"}])
    with pytest.raises(MalformedAnswerError):
        parse_answer(Source.MARRIAGE, body, "r1")
    ok = parse_answer(Source.MARRIAGE, answer("MARRIAGE", records=[{"status": "20"}]), "r1")
    assert ok.records[0].status == "20"
