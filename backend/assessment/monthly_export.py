"""The monthly 考核 table as XLSX (pure): one row per person with each indicator's value
and points, the total, employer and contract end; Chinese headers."""

from __future__ import annotations

import io

from backend.assessment.monthly import MonthTable

Cell = str | int | float | None


def _safe(text: str) -> str:
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def month_rows(table: MonthTable) -> tuple[list[str], list[list[Cell]]]:
    indicators = table.rows[0].row.items if table.rows else ()
    headers = ["姓名", "用户名", "用人单位", "合同到期"]
    for item in indicators:
        headers += [f"{item.label}（数值）", f"{item.label}（得分）"]
    headers.append("总分")
    rows: list[list[Cell]] = []
    for staff in table.rows:
        employment = staff.employment
        cells: list[Cell] = [
            _safe(staff.user.display_name), _safe(staff.user.username),
            _safe(employment.employer) if employment else None,
            employment.contract_end.isoformat() if employment and employment.contract_end
            else None,
        ]
        for item in staff.row.items:
            cells += [item.value, item.points]
        cells.append(staff.row.total)
        rows.append(cells)
    return headers, rows


def month_xlsx(table: MonthTable, month: str) -> bytes:
    headers, rows = month_rows(table)
    # openpyxl costs a second at start-up; only an export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = f"考核 {month}"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, len(header) * 2)
    sheet.freeze_panes = "C2"
    version = table.scheme.version
    book.properties.title = f"月度考核 {month}（方案第 {version} 版）"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
