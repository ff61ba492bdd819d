"""个人住房公积金贷款还款明细: header fields, the repayment table and its totals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.extractors.statement_cells import (
    AMOUNT_COLUMNS,
    amount_in,
    arithmetic_repair,
    column_of,
    date_in,
    kind_of,
    name_amount_columns,
    next_month,
)
from backend.documents.extractors.statement_totals import reconcile
from backend.documents.fields import FieldValue
from backend.documents.layout import Row
from backend.documents.ocr.base import OcrLine
from backend.verification.amounts import format_amount
from backend.verification.validators import halfwidth

FIELDS = ("borrower_name", "loan_account", "statement_date", "last_12_months_total",
          "total_principal_paid", "total_interest_paid", "total_paid", "row_count")
COLUMNS = ("period", "date", "principal", "interest", "total", "balance")
# The figures computed from the table's rows, not read from one line of the page.
TABLE_FIELDS = frozenset({"last_12_months_total", "total_principal_paid", "total_interest_paid",
                          "total_paid", "row_count"})


def _account(text: str) -> str | None:
    m = re.search(r"\d[\d\s-]{7,}\d", halfwidth(text))
    return re.sub(r"[\s-]", "", m.group(0)) if m else None


RULES = (
    FieldRule("borrower_name", ("借款人姓名", "借款人", "客户姓名", "姓名", "户名", "借款人名称",
                                "客户名称"),
              p.person_name, keywords=("姓名", "借款人", "户名"), avoid=("身份", "证件")),
    FieldRule("loan_account", ("贷款账号", "借款账号", "贷款账户", "借款账户", "公积金贷款账号",
                               "账号", "贷款编号"),
              _account, keywords=("账号", "账户", "帐号", "帐户")),
    FieldRule("statement_date", ("打印日期", "查询日期", "出具日期", "制表日期", "截止日期",
                                 "对账日期", "打印时间", "查询时间", "生成日期", "统计截止日"),
              p.date, keywords=("日期", "时间", "截止"), avoid=("还款", "扣款", "放款", "到期")),
)
_OTHER_LABELS = ("贷款金额", "贷款期限", "还款方式", "年利率", "单位", "打印机构")


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


def parse_table(rows: Sequence[Row]) -> list[TableRow]:
    return read_table(rows)[0]


Printed = dict[str, Decimal]


def read_table(rows: Sequence[Row]) -> tuple[list[TableRow], Printed]:
    """The table's rows and its printed totals (a 合计 row), if any. The header is the
    first row that names at least three columns (principal or total among them), or names
    some and is followed by dated rows; header cells that name nothing get their column
    from the cells under them (:mod:`statement_cells`)."""
    for hi, row in enumerate(rows):
        named: dict[str, float] = {}
        unnamed: list[float] = []
        for cell in row.cells:
            name = column_of(cell.text)
            if name and name not in named:
                named[name] = (cell.x + cell.right) / 2
            else:
                unnamed.append((cell.x + cell.right) / 2)
        strong = len(named) >= 3 and ("principal" in named or "total" in named)
        if strong and not unnamed:
            return _data_rows(rows[hi + 1 :], named)
        if strong or (named and len(row.cells) >= 3 and _dated_rows_follow(rows, hi)):
            columns = _complete(rows[hi + 1 : hi + 31], named, unnamed)
            if len(columns) >= 3 and ("principal" in columns or "total" in columns):
                return _data_rows(rows[hi + 1 :], columns)
    return [], {}


def _dated_rows_follow(rows: Sequence[Row], hi: int) -> bool:
    return sum(date_in(r.text) is not None for r in rows[hi + 1 : hi + 4]) >= 2


def _complete(data: Sequence[Row], named: dict[str, float],
              unnamed: list[float]) -> dict[str, float]:
    """The header's columns, with the unnamed ones named by what their cells hold."""
    centres = [*named.values(), *unnamed]
    texts: dict[float, list[str]] = {c: [] for c in centres}
    for row in data:
        got: dict[float, str] = {}
        for cell in row.cells:
            centre = (cell.x + cell.right) / 2
            near = min(centres, key=lambda c: abs(c - centre))
            got[near] = got.get(near, "") + cell.text
        if date_in(row.text) is None:
            continue
        for c in centres:
            texts[c].append(got.get(c, ""))
    columns = dict(named)
    for name in ("date", "period"):  # a misread header word is corrected by its cells
        other = "period" if name == "date" else "date"
        if name in columns and other not in columns and kind_of(texts[columns[name]]) == other:
            columns[other] = columns.pop(name)
    amounts: list[float] = []
    for c in unnamed:
        kind = kind_of(texts[c])
        if kind in ("date", "period") and kind not in columns:
            columns[kind] = c
        elif kind == "amount":
            amounts.append(c)
    known = {n: [amount_in(t) for t in texts[c]] for n, c in named.items()
             if n in AMOUNT_COLUMNS}
    values = {i: [amount_in(t) for t in texts[c]] for i, c in enumerate(amounts)}
    for i, name in name_amount_columns(list(values), list(columns), values, known).items():
        columns[name] = amounts[i]
    return columns


def _data_rows(rows: Sequence[Row], columns: dict[str, float]) -> tuple[list[TableRow], Printed]:
    out: list[TableRow] = []
    printed: Printed = {}
    for row in rows:
        values: dict[str, str] = {}
        where: dict[str, OcrLine] = {}
        for cell in row.cells:
            centre = (cell.x + cell.right) / 2
            name = min(columns, key=lambda c: abs(columns[c] - centre))
            values[name] = values.get(name, "") + cell.text
            where[name] = cell.line
        date = date_in(values.get("date", "")) or date_in(row.text)
        amounts = {c: amount_in(values.get(c, "")) for c in AMOUNT_COLUMNS}
        guessed = False
        if date is None:
            if out and re.search(r"共|合计|小计|总计|打印|说明", row.text):
                if re.search(r"合计|总计", row.text):
                    printed = {c: v for c, v in amounts.items() if v is not None and c != "balance"}
                break
            if not out or sum(v is not None for v in amounts.values()) < 2:
                continue
            if _is_totals(out, amounts):  # an unlabelled totals row
                printed = {c: v for c, v in amounts.items() if v is not None and c != "balance"}
                break
            # a monthly row whose date is misread (2024.06.78): the month after the last
            date, guessed = next_month(out[-1].date), True
        period = re.sub(r"\D", "", values.get("period", ""))[:3]
        out.append(TableRow(int(period) if period else None, date, amounts["principal"],
                            amounts["interest"], amounts["total"], amounts["balance"],
                            repaired="date" if guessed else None, cells=where))
    for k, r in enumerate(out):
        prev, nxt = (out[k - 1] if k else None), (out[k + 1] if k + 1 < len(out) else None)
        _repair(r, {c: (getattr(prev, c, None), getattr(nxt, c, None)) for c in AMOUNT_COLUMNS})
    return out, printed


def _is_totals(out: Sequence[TableRow], amounts: dict[str, Decimal | None]) -> bool:
    """A dateless row whose amounts are the sums of the rows above (within a few yuan:
    rows may still hold misreadings), not one more instalment."""
    sums = [(v, sum((getattr(r, c) or Decimal(0) for r in out), Decimal(0)))
            for c, v in amounts.items() if c != "balance" and v is not None]
    return len(out) >= 2 and bool(sums) and all(abs(v - s) <= 5 for v, s in sums)


def _repair(r: TableRow,
            near: dict[str, tuple[Decimal | None, Decimal | None]]) -> TableRow:
    """Fill one unreadable amount from the other two (principal + interest = total), or
    correct the one that was plainly misread (statement_cells.arithmetic_repair)."""
    p_, i, t = r.principal, r.interest, r.total
    if p_ is not None and i is not None and t is None:
        r.total, r.repaired = p_ + i, "total"
    elif p_ is not None and t is not None and i is None:
        r.interest, r.repaired = t - p_, "interest"
    elif i is not None and t is not None and p_ is None:
        r.principal, r.repaired = t - i, "principal"
    else:
        values: dict[str, Decimal | None] = {"principal": p_, "interest": i, "total": t}
        fixed = arithmetic_repair(values, near)
        if fixed:
            setattr(r, fixed, values[fixed])
            r.repaired = fixed
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
    table, printed = read_table(rows)
    reconcile(table, printed)
    apply_totals(found, table)
    return Extraction(found, {"table": table, "printed_totals": printed})
