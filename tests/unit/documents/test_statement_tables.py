"""Repayment tables in any column order and wording: columns named by their cells, OCR'd
figures, one-value repairs, printed totals reconciled and cross-checked (pure rules)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ocr_lines import rows_of

from backend.documents.extractors import repayment_statement as rs
from backend.documents.extractors import statement_cells as sc
from backend.documents.extractors import statement_totals as st


def test_figures_as_ocr_reads_them() -> None:
    assert sc.amount_in("¥1,666.67") == Decimal("1666.67")
    assert sc.amount_in("VZ,437.36") == Decimal("2437.36")  # ¥ as V, 2 as Z
    assert sc.amount_in("¥2.424.45") == Decimal("2424.45")  # a dot for the comma
    assert sc.amount_in("V2,415:84") == Decimal("2415.84")  # a colon for the point
    assert sc.amount_in("合计") is None


def test_table_dates_in_any_common_form() -> None:
    day = dt.date(2024, 3, 28)
    for text in ("2024-03-28", "2024/03/28", "2024.03.28", "20240328", "2024年03月28日",
                 "2024,03.28"):
        assert sc.date_in(text) == day, text


def test_what_a_column_holds() -> None:
    assert sc.kind_of(["2024.01.28", "2024.02.28", ""]) == "date"
    assert sc.kind_of(["1", "2", "3"]) == "period"
    assert sc.kind_of(["¥1,666.67", "1,666.67", "x"]) == "amount"
    assert sc.kind_of(["张伟", "备注"]) is None


def test_amount_columns_named_by_arithmetic() -> None:
    p = [Decimal("100.00"), Decimal("100.00")]
    i = [Decimal("5.00"), Decimal("4.50")]
    t = [Decimal("105.00"), Decimal("104.50")]
    names = sc.name_amount_columns([0, 1], ["date"], {0: i, 1: t}, {"principal": list(p)})
    assert names == {0: "interest", 1: "total"}


def test_one_misread_value_is_repaired_when_it_stands_out() -> None:
    values: dict[str, Decimal | None] = {"principal": Decimal("1666.67"),
                                         "interest": Decimal("3757.78"),  # ¥ read as 3
                                         "total": Decimal("2424.45")}
    near = {"interest": (Decimal("762.08"), Decimal("753.47")),
            "total": (Decimal("2428.75"), Decimal("2420.14"))}
    assert sc.arithmetic_repair(values, near) == "interest"
    assert values["interest"] == Decimal("757.78")


def test_an_ambiguous_row_is_left_alone() -> None:
    values: dict[str, Decimal | None] = {"principal": Decimal("1000.00"),
                                         "interest": Decimal("50.00"),
                                         "total": Decimal("1050.10")}
    assert sc.arithmetic_repair(values, {}) is None


@dataclass
class _Row:
    principal: Decimal | None
    interest: Decimal | None
    total: Decimal | None
    repaired: str | None = None


def test_printed_totals_settle_ambiguous_rows_and_mismatches_are_reported() -> None:
    table = [_Row(Decimal("100.00"), Decimal("5.00"), Decimal("105.00")),
             _Row(Decimal("100.00"), Decimal("4.50"), Decimal("104.60"))]  # 4.60 or 104.50?
    printed = {"principal": Decimal("200.00"), "interest": Decimal("9.60"),
               "total": Decimal("209.60")}
    assert st.reconcile(table, printed) == [1]
    assert table[1].interest == Decimal("4.60")
    assert table[1].repaired == "interest"
    assert st.mismatches(table, printed) == []
    wrong = {**printed, "total": Decimal("300.00")}
    assert st.mismatches(table, wrong) == [("total", Decimal("209.60"), Decimal("300.00"))]


def test_header_in_another_order_and_wording_with_a_misread_word() -> None:
    rows = rows_of(
        "个人贷款还款流水", "主借款人：孙敏", "出单日期：2024-04-10",
        [(100, "记账扫期"), (300, "还款合计"), (500, "本金"), (700, "实压利也"), (900, "号")],
        [(100, "2024.01.28"), (300, "¥2,441.67"), (500, "¥1,666.67"), (700, "¥775.00"),
         (900, "1")],
        [(100, "2024.02.28"), (300, "¥2,437.36"), (500, "¥1,666.67"), (700, "¥770.69"),
         (900, "2")],
        [(100, "2024.03.28"), (300, "¥2,433.06"), (500, "¥1,666.67"), (700, "¥766.39"),
         (900, "3")],
        [(100, "合计"), (300, "¥7,312.09"), (500, "¥5,000.01"), (700, "¥2,312.08")],
    )
    table, printed = rs.read_table(rows)
    assert [(r.period, r.date.day, r.interest) for r in table] == [
        (1, 28, Decimal("775.00")), (2, 28, Decimal("770.69")), (3, 28, Decimal("766.39"))]
    assert printed == {"total": Decimal("7312.09"), "principal": Decimal("5000.01"),
                       "interest": Decimal("2312.08")}
    fields = {k: v.value for k, v in rs.extract(rows).fields.items()}
    assert fields["total_paid"] == "7312.09"
    assert fields["row_count"] == "3"
