"""Pure rules of the monthly feedback report: categories and processes ranked, with trend.

Each row counts the month's feedback of one category (or business process), compares it
with the month before (trend = this − previous) and lists the cases concerned. XLSX export
with the same library as the 考核 export (openpyxl); formula-like text is neutralised.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from backend.consultation.models import CATEGORY_NAMES, FeedbackCategory
from backend.errors import DoorstepError, ErrorCode

UNKNOWN_PROCESS = "未注明"


@dataclass(frozen=True, slots=True)
class Filed:
    category: FeedbackCategory
    process: str
    case_id: UUID | None
    current: bool  # in the month reported (else: the month before)


@dataclass(frozen=True, slots=True)
class ReportRow:
    key: str
    label: str
    count: int
    previous: int
    trend: int
    case_ids: list[UUID]


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    month: str
    categories: list[ReportRow]
    processes: list[ReportRow]
    total: int


def month_bounds(month: str) -> tuple[date, date, date]:
    """``2026-12`` → (first day of the month before, first day, first day of the next)."""
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "月份格式应为 YYYY-MM，例如 2026-12。", field="month"
        ) from None
    following = date(year + number // 12, number % 12 + 1, 1)
    before = date(year - (number == 1), (number - 2) % 12 + 1, 1)
    return before, first, following


def _rows(items: Sequence[Filed], key_of: str, labels: dict[str, str]) -> list[ReportRow]:
    now = Counter(getattr(item, key_of) for item in items if item.current)
    then = Counter(getattr(item, key_of) for item in items if not item.current)
    cases: dict[str, list[UUID]] = {}
    for item in items:
        if item.current and item.case_id is not None:
            ids = cases.setdefault(getattr(item, key_of), [])
            if item.case_id not in ids:
                ids.append(item.case_id)
    keys = set(now) | set(then)
    rows = [
        ReportRow(
            key=str(key),
            label=labels.get(str(key), str(key)),
            count=now[key],
            previous=then[key],
            trend=now[key] - then[key],
            case_ids=cases.get(key, []),
        )
        for key in keys
    ]
    return sorted(rows, key=lambda row: (-row.count, -row.trend, row.key))


def monthly_report(month: str, items: Sequence[Filed]) -> MonthlyReport:
    normalised = [
        Filed(item.category, item.process or UNKNOWN_PROCESS, item.case_id, item.current)
        for item in items
    ]
    categories = _rows(normalised, "category", {str(k): v for k, v in CATEGORY_NAMES.items()})
    processes = _rows(normalised, "process", {})
    return MonthlyReport(month, categories, processes, sum(1 for i in items if i.current))


HEADERS = ("排名", "类别", "本月件数", "上月件数", "变化", "涉及案件")


def _safe(text: str) -> str:
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def to_xlsx(report: MonthlyReport) -> bytes:
    """Two sheets, 按类别 and 按业务流程, bold headers, counts as numbers."""
    # openpyxl costs a second at start-up; only an export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook always has one sheet
    for sheet, title, rows in (
        (first, "按类别", report.categories),
        (book.create_sheet(), "按业务流程", report.processes),
    ):
        sheet.title = title
        sheet.append(list(HEADERS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for rank, row in enumerate(rows, start=1):
            cases = "、".join(str(case_id) for case_id in row.case_ids)
            sheet.append([rank, _safe(row.label), row.count, row.previous, row.trend, cases])
        for letter, width in zip("ABCDEF", (6, 16, 10, 10, 8, 60), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
    book.properties.title = f"反馈月度报告 {report.month}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
