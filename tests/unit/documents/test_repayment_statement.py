"""Repayment statements: table parsing, row arithmetic and the totals the case needs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ocr_lines import rows_of

from backend.documents.extractors import repayment_statement as rs

HEADER = [(100, "期次"), (200, "还款日期"), (400, "应还本金"), (550, "应还利息"),
          (700, "本期合计"), (850, "贷款余额")]


def table_row(period: int, date: str, principal: str, interest: str, total: str,
              balance: str) -> list[tuple[float, str]]:
    cells = [(110, str(period)), (190, date), (410, principal), (560, interest), (710, total),
             (850, balance)]
    return [(x, text) for x, text in cells if text]


def statement(months: int, *, blank_total_at: int | None = None) -> list[object]:
    rows: list[object] = ["个人住房公积金贷款还款明细", "借款人姓名：谭宁林",
                          "贷款账号：5202 6824 9643 9906", "打印日期：2026-05-08", HEADER]
    balance = Decimal("680000.00")
    for i in range(months):
        year, month = divmod(2024 * 12 + 10 + i, 12)
        principal, interest = Decimal("5666.67"), Decimal("1615.00") - Decimal("13.46") * i
        balance -= principal
        total = "" if blank_total_at == i + 1 else str(principal + interest)
        rows.append(table_row(i + 1, f"{year}-{month + 1:02d}-26", str(principal),
                              str(interest), total, str(balance)))
    rows.append(f"共{months}条记录")
    return rows


def test_totals_and_last_twelve_months_from_the_table() -> None:
    extraction = rs.extract(rows_of(*statement(18)))  # type: ignore[arg-type]
    got = {k: v.value for k, v in extraction.fields.items()}
    table = extraction.extra["table"]
    assert isinstance(table, list)
    assert got["row_count"] == "18"
    assert got["borrower_name"] == "谭宁林"
    assert got["loan_account"] == "5202682496439906"
    principal = sum(r.principal for r in table)
    assert got["total_principal_paid"] == f"{principal:.2f}"
    recent = [r for r in table if dt.date(2025, 5, 8) < r.date <= dt.date(2026, 5, 8)]
    assert len(recent) == 12
    assert got["last_12_months_total"] == f"{sum(r.total for r in recent):.2f}"
    assert Decimal(got["total_paid"]) == Decimal(got["total_principal_paid"]) + Decimal(
        got["total_interest_paid"])


def test_unreadable_total_is_filled_from_principal_plus_interest() -> None:
    extraction = rs.extract(rows_of(*statement(6, blank_total_at=3)))  # type: ignore[arg-type]
    table = extraction.extra["table"]
    assert isinstance(table, list)
    third = table[2]
    assert third.repaired == "total"
    assert third.total == third.principal + third.interest


def test_row_with_wrong_arithmetic_is_reported() -> None:
    row = rs.TableRow(1, dt.date(2026, 1, 1), Decimal("100.00"), Decimal("5.00"),
                      Decimal("106.00"), None)
    assert not row.arithmetic_ok()


def test_twelve_month_window_starts_after_the_same_day_a_year_earlier() -> None:
    table = [rs.TableRow(i, d, Decimal(1), Decimal(0), Decimal(1), None) for i, d in enumerate(
        [dt.date(2025, 5, 8), dt.date(2025, 5, 9), dt.date(2026, 5, 8), dt.date(2026, 5, 9)])]
    assert rs.totals(table, dt.date(2026, 5, 8))["last_12_months_total"] == "2.00"
    assert rs.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_header_words_map_to_columns() -> None:
    assert rs.column_of("本期合计") == "total"
    assert rs.column_of("应还本金") == "principal"
    assert rs.column_of("实还利息") == "interest"
    assert rs.column_of("贷款余额") == "balance"
    assert rs.column_of("还款日期") == "date"
    assert rs.column_of("序号") == "period"
    assert rs.column_of("剩余本金") == "balance"
