"""A repayment statement photographed on several pages is joined (pure rules)."""

from __future__ import annotations

from typing import Any

from backend.documents.statement_pages import continues, group, join


def _row(period: int, month: int) -> dict[str, Any]:
    return {"period": period, "date": f"2025-{month:02d}-20", "principal": "100.00",
            "interest": "10.00", "total": "110.00", "balance": None}


def _page(file: str, fields: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"file": file, "type": "repayment_statement", "fields": fields,
            "confidence": dict.fromkeys(fields, 0.95), "missing": ["statement_date"],
            "checks": [], "rows": rows}


def test_second_page_without_header_is_joined_and_totals_cover_both() -> None:
    first = _page("p1.jpg", {"borrower_name": "孙敏", "loan_account": "1242265427982952111",
                             "total_paid": "330.00", "row_count": "3"},
                  [_row(1, 1), _row(2, 2), _row(3, 3)])
    second = _page("p2.jpg", {"statement_date": "2025-05-25", "total_paid": "220.00"},
                   [_row(3, 3), _row(4, 4), _row(5, 5)])  # period 3 on both photos
    assert continues(first, second)
    joined = join([first, second])
    for page in joined:
        assert page["fields"]["row_count"] == "5"
        assert page["fields"]["total_paid"] == "550.00"
        assert page["fields"]["last_12_months_total"] == "550.00"
        assert page["fields"]["borrower_name"] == "孙敏"
        assert page["missing"] == []
        assert page["checks"][-1]["code"] == "STATEMENT_PAGES_JOINED"


def test_statements_of_two_loans_stay_apart() -> None:
    a = _page("a.jpg", {"loan_account": "111", "borrower_name": "甲"}, [_row(1, 1)])
    b = _page("b.jpg", {"loan_account": "222", "borrower_name": "乙"}, [_row(2, 2)])
    c = _page("c.jpg", {"borrower_name": "丙"}, [_row(2, 2)])
    licence = {"file": "d.jpg", "type": "business_licence", "fields": {}}
    assert [len(run) for run in group([a, b, c, licence])] == [1, 1, 1, 1]
    assert join([a]) == [a]
