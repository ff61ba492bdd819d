"""The 考核 metrics as a table with Chinese headers, written as CSV or XLSX (pure).

One row per staff member; one column per risk rule raised in the period. Text that a
spreadsheet would run as a formula (a leading = + - @) is neutralised with a quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from backend.assessment.models import NamedMetrics

RULE_NAMES = {
    "FIELD_MISSING": "字段缺失",
    "DOCUMENT_MISSING": "材料缺失",
    "DOCUMENT_UNREADABLE": "材料无法识别",
    "FIELD_DISAGREES": "填写与识别不一致",
    "ID_CHECKSUM_INVALID": "身份证号校验失败",
    "ID_MISMATCH": "身份信息不一致",
    "USCC_CHECKSUM_INVALID": "信用代码校验失败",
    "MARITAL_STATUS_REVERSED": "婚姻状况反转",
    "MARITAL_STATUS_CHANGED_RECENTLY": "近期婚姻状况变更",
    "CERTIFICATE_EXPIRED": "证明已过期",
    "PROPERTY_FOUND": "名下有房",
    "PROPERTY_REUSED": "房产重复使用",
    "IMAGE_REUSED": "照片重复使用",
    "AMOUNT_EXCEEDS_LIMIT": "金额超限",
    "WITHDRAWAL_TOO_SOON": "提取间隔不足",
    "DEPOSIT_RATIO_OUT_OF_RANGE": "缴存比例超出范围",
}
BASE_HEADERS = (
    "外勤人员",
    "用户名",
    "提交数",
    "通过数",
    "退回数",
    "退回率",
    "走访至通过（小时，中位数）",
)
Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class MetricsTable:
    headers: list[str]
    rows: list[list[Cell]]  # the return rate as a fraction (0.25), hours as a number


def rule_header(code: str) -> str:
    name = RULE_NAMES.get(code)
    return f"风险提示：{name}（{code}）" if name else f"风险提示：{code}"


def _safe(text: str) -> str:
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def metrics_table(rows: Sequence[NamedMetrics]) -> MetricsTable:
    rules = sorted({code for row in rows for code in row.metrics.flags_by_rule})
    table: list[list[Cell]] = []
    for row in rows:
        m = row.metrics
        cells: list[Cell] = [
            _safe(row.staff.display_name),
            _safe(row.staff.username),
            m.submitted,
            m.approved,
            m.returned,
            m.return_rate,
            m.median_hours_to_approval,
        ]
        table.append(cells + [m.flags_by_rule.get(code, 0) for code in rules])
    return MetricsTable([*BASE_HEADERS, *(rule_header(code) for code in rules)], table)


RATE_COLUMN = BASE_HEADERS.index("退回率")


def to_csv(table: MetricsTable) -> bytes:
    """UTF-8 with a BOM (Excel then reads the Chinese right); the rate as a percentage."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        shown = list(row)
        rate = shown[RATE_COLUMN]
        shown[RATE_COLUMN] = f"{rate * 100:.1f}%" if isinstance(rate, float) else rate
        writer.writerow(["" if cell is None else cell for cell in shown])
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(table: MetricsTable, first_day: date, last_day: date) -> bytes:
    """One sheet 考核指标: bold headers, numbers as numbers, the rate formatted as a percentage."""
    # openpyxl costs a second at start-up; only an export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "考核指标"
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=RATE_COLUMN + 1, max_col=RATE_COLUMN + 1):
        cell.number_format = "0.0%"
    for index, header in enumerate(table.headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, len(header) * 2)
    sheet.freeze_panes = "A2"
    book.properties.title = f"外勤人员考核指标 {first_day.isoformat()} 至 {last_day.isoformat()}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
