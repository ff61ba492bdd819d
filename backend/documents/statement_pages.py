"""One repayment statement photographed on several pages, joined (pure rules).

Consecutive readings are pages of one statement when the later one is a repayment
statement that names the same loan account, or names none and its first row follows
the earlier page's last (next period, or a later date). The joined statement's rows are
every page's rows once (a row photographed twice, on the edge of two photos, counts
once); its totals are computed from them, its header fields come from the page that
printed them, and every page's reading carries the joined fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from backend.documents.extractors.repayment_statement import TableRow, totals

_TYPE = "repayment_statement"
_HEADER = ("borrower_name", "loan_account", "statement_date")


def continues(earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    if earlier.get("type") != _TYPE or later.get("type") != _TYPE:
        return False
    a, b = earlier.get("fields") or {}, later.get("fields") or {}
    if a.get("loan_account") and b.get("loan_account"):
        return bool(a["loan_account"] == b["loan_account"])
    if b.get("borrower_name") and b.get("borrower_name") != a.get("borrower_name"):
        return False  # a page that names another borrower, or a new statement's first page
    last, first = (earlier.get("rows") or [None])[-1], (later.get("rows") or [None])[0]
    if not last or not first:
        return False
    if last.get("period") is not None and first.get("period") is not None:
        return bool(first["period"] in (last["period"], last["period"] + 1))
    return bool(str(first.get("date", "")) >= str(last.get("date", "")))


def _table(rows: Sequence[dict[str, Any]]) -> list[TableRow]:
    def amount(v: object) -> Decimal | None:
        return Decimal(str(v)) if v not in (None, "") else None

    return [TableRow(r.get("period"), dt.date.fromisoformat(r["date"]), amount(r.get("principal")),
                     amount(r.get("interest")), amount(r.get("total")), amount(r.get("balance")))
            for r in rows]


def join(pages: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pages (readings as ``doorstep extract`` prints them) with the joined
    statement's fields on each; a single page comes back unchanged."""
    if len(pages) < 2:
        return list(pages)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[Any, str]] = set()
    for page in pages:
        for r in page.get("rows") or []:
            key = (r.get("period"), r.get("date"))
            if key not in seen:
                seen.add(key)
                rows.append(r)
    header: dict[str, Any] = {}
    for page in pages:
        for k in _HEADER:
            value = (page.get("fields") or {}).get(k)
            if value and k not in header:
                header[k] = value
    stated = header.get("statement_date")
    joined = {**header, **totals(_table(rows), dt.date.fromisoformat(stated) if stated else None)}
    files = [p.get("file") for p in pages]
    sure = {k: min((p.get("confidence") or {}).get(k, 0.5) for p in pages) for k in joined}
    out = []
    for page in pages:
        fields = {**(page.get("fields") or {}), **joined}
        check = {"code": "STATEMENT_PAGES_JOINED", "severity": "info", "field": None,
                 "message": f"还款明细共{len(pages)}页，已合并计算合计。",
                 "evidence": {"files": files, "rows": len(rows)}}
        out.append({**page, "fields": fields,
                    "confidence": {**(page.get("confidence") or {}), **sure},
                    "missing": [m for m in page.get("missing") or [] if m not in fields],
                    "checks": [*(page.get("checks") or []), check]})
    return out


def group(readings: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive readings split into runs of pages of one statement (others alone)."""
    runs: list[list[dict[str, Any]]] = []
    for reading in readings:
        if runs and continues(runs[-1][-1], reading):
            runs[-1].append(reading)
        else:
            runs.append([reading])
    return runs
