"""Reading an outreach list (走进企业宣传) from CSV (pure): one company per line.

Header names (Chinese or English): 单位名称/name, 统一社会信用代码/uscc, 地址/address,
联系人/contact, 电话/phone. Name and address are required; bad lines are reported by number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

_HEADERS = {
    "单位名称": "name",
    "name": "name",
    "统一社会信用代码": "uscc",
    "uscc": "uscc",
    "地址": "address",
    "address": "address",
    "联系人": "contact",
    "contact": "contact",
    "电话": "phone",
    "phone": "phone",
}
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
MAX_ROWS = 2000


@dataclass(frozen=True, slots=True)
class CompanyRow:
    line: int
    name: str
    uscc: str | None
    address: str
    contact: str
    phone: str


@dataclass(frozen=True, slots=True)
class ParsedList:
    rows: list[CompanyRow]
    problems: list[str]  # 「第 3 行：缺少地址」


def parse_companies(text: str) -> ParsedList:
    # newline=None: a bare \r ends a line as \n does (csv refuses it in an unquoted field).
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=None))
    header = next(reader, None)
    if header is None:
        return ParsedList([], ["文件为空"])
    keys = [_HEADERS.get(h.strip().lower() if h.strip().isascii() else h.strip()) for h in header]
    if "name" not in keys or "address" not in keys:
        return ParsedList([], ["第 1 行应为表头，至少包含「单位名称」和「地址」"])
    rows: list[CompanyRow] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(f"超过 {MAX_ROWS} 行，其余未导入")
            break
        values = {k: cells[i].strip() for i, k in enumerate(keys) if k and i < len(cells)}
        name, address = values.get("name", ""), values.get("address", "")
        uscc = values.get("uscc", "").upper() or None
        if not name or not address:
            problems.append(f"第 {number} 行：缺少单位名称或地址")
            continue
        if uscc is not None and not _USCC.fullmatch(uscc):
            problems.append(f"第 {number} 行：统一社会信用代码格式不正确")
            continue
        key = uscc or name
        if key in seen:
            problems.append(f"第 {number} 行：与前面的行重复")
            continue
        seen.add(key)
        rows.append(
            CompanyRow(
                number,
                name[:200],
                uscc,
                address[:200],
                values.get("contact", "")[:100],
                values.get("phone", "")[:20],
            )
        )
    return ParsedList(rows, problems)
