"""个人住房公积金贷款还款明细: header fields, the repayment table and its totals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.fields import FieldValue, compact
from backend.documents.layout import Row
from backend.documents.ocr.base import OcrLine
from backend.verification.amounts import format_amount, parse_figure_amount
from backend.verification.validators import halfwidth, parse_date

FIELDS = ("borrower_name", "loan_account", "statement_date", "last_12_months_total",
          "total_principal_paid", "total_interest_paid", "total_paid", "row_count")
COLUMNS = ("period", "date", "principal", "interest", "total", "balance")


def _account(text: str) -> str | None:
    m = re.search(r"\d[\d\s-]{7,}\d", halfwidth(text))
    return re.sub(r"[\s-]", "", m.group(0)) if m else None


RULES = (
    FieldRule("borrower_name", ("借款人姓名", "借款人", "客户姓名", "姓名", "户名", "借款人名称",
                                "客户名称"),
              p.person_name),
    FieldRule("loan_account", ("贷款账号", "借款账号", "贷款账户", "借款账户", "公积金贷款账号",
                               "账号", "贷款编号"),
              _account),
    FieldRule("statement_date", ("打印日期", "查询日期", "出具日期", "制表日期", "截止日期",
                                 "对账日期", "打印时间", "查询时间", "生成日期", "统计截止日"),
              p.date),
)
_OTHER_LABELS = ("贷款金额", "贷款期限", "还款方式", "年利率", "单位", "打印机构")


def column_of(header: str) -> str | None:
    """Which table column a header cell names."""
    h = compact(header)
    if re.search(r"余额|剩余|结欠|尚欠|未还", h):
        return "balance"
    if "利息" in h:
        return "interest"
    if "本金" in h:
        return "principal"
    if re.search(r"合计|本息|还款额|月供|金额|实还", h):
        return "total"
    if re.search(r"日期|还款日|扣款日|时间|年月", h):
        return "date"
    if re.search(r"期次|期数|序号|期号", h):
        return "period"
    return None


@dataclass
class TableRow:
    period: int | None
    date: dt.date
    principal: Decimal | None
    interest: Decimal | None
    total: Decimal | None
    balance: Decimal | None
    repaired: str | None = None  # which value was computed from the others, if any
    # where each amount was read, for a second engine to re-read (not part of the output)
    cells: dict[str, OcrLine] = field(default_factory=dict, repr=False, compare=False)

    def arithmetic_ok(self) -> bool:
        if self.principal is None or self.interest is None or self.total is None:
            return False
        return self.principal + self.interest == self.total


def amount_in(text: str) -> Decimal | None:
    m = re.search(r"(?<![\d.])\d[\d,]*\.\d{2}(?![\d.])", compact(text))
    return parse_figure_amount(m.group(0)) if m else None


def parse_table(rows: Sequence[Row]) -> list[TableRow]:
    """Rows under the first header that names at least three known columns."""
    for hi, row in enumerate(rows):
        columns = {}
        for cell in row.cells:
            name = column_of(cell.text)
            if name and name not in columns:
                columns[name] = (cell.x + cell.right) / 2
        if len(columns) >= 3 and ("principal" in columns or "total" in columns):
            return _data_rows(rows[hi + 1 :], columns)
    return []


def _data_rows(rows: Sequence[Row], columns: dict[str, float]) -> list[TableRow]:
    out: list[TableRow] = []
    for row in rows:
        values: dict[str, str] = {}
        where: dict[str, OcrLine] = {}
        for cell in row.cells:
            centre = (cell.x + cell.right) / 2
            name = min(columns, key=lambda c: abs(columns[c] - centre))
            values[name] = values.get(name, "") + cell.text
            where[name] = cell.line
        date = parse_date(values.get("date", "")) or parse_date(row.text)
        if date is None:
            if out and re.search(r"共|合计|小计|打印|说明", row.text):
                break
            continue
        period = re.sub(r"\D", "", values.get("period", ""))
        principal, interest, total, balance = (
            amount_in(values.get(c, "")) for c in ("principal", "interest", "total", "balance"))
        out.append(TableRow(int(period) if period else None, date, principal, interest, total,
                            balance, cells=where))
    return [_repair(r) for r in out]


def _repair(r: TableRow) -> TableRow:
    """Fill one unreadable amount from the other two (principal + interest = total)."""
    p_, i, t = r.principal, r.interest, r.total
    if p_ is not None and i is not None and t is None:
        r.total, r.repaired = p_ + i, "total"
    elif p_ is not None and t is not None and i is None:
        r.interest, r.repaired = t - p_, "interest"
    elif i is not None and t is not None and p_ is None:
        r.principal, r.repaired = t - i, "principal"
    return r


def months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def totals(table: Sequence[TableRow], statement_date: dt.date | None) -> dict[str, str]:
    """Sums of the table; the last-12-months total counts rows dated in the 12 months up to
    and including the statement date."""
    def total(values: list[Decimal | None]) -> str | None:
        return None if any(v is None for v in values) else format_amount(
            sum((v for v in values if v is not None), Decimal(0)))

    out: dict[str, str] = {"row_count": str(len(table))}
    for key, attr in (("total_principal_paid", "principal"), ("total_interest_paid", "interest"),
                      ("total_paid", "total")):
        value = total([getattr(r, attr) for r in table])
        if value is not None:
            out[key] = value
    if statement_date is not None:
        start = months_before(statement_date, 12)
        recent = [r.total for r in table if r.date and start < r.date <= statement_date]
        value = total(recent)
        if value is not None:
            out["last_12_months_total"] = value
    return out


def apply_totals(found: dict[str, FieldValue], table: Sequence[TableRow]) -> None:
    """Sets the computed fields; their confidence is the share of rows whose arithmetic
    (principal + interest = total) holds."""
    if not table:
        return
    stated = found.get("statement_date")
    day = dt.date.fromisoformat(stated.value) if stated else None
    share_ok = sum(r.arithmetic_ok() for r in table) / len(table)
    for key, value in totals(table, day).items():
        found[key] = FieldValue(value, round(share_ok, 3))


def rows_json(table: Sequence[TableRow]) -> list[dict[str, str | int | None]]:
    return [{"period": r.period, "date": r.date.isoformat(),
             **{c: (str(getattr(r, c)) if getattr(r, c) is not None else None)
                for c in ("principal", "interest", "total", "balance")}}
            for r in table]


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    table = parse_table(rows)
    apply_totals(found, table)
    return Extraction(found, {"table": table})
