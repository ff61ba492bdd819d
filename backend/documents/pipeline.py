"""Reading one document image: quality, OCR, type, fields, checks.

``extract_document(image_bytes, doc_type="auto")`` is the whole pipeline; it needs no
server or database. Engines are created once per process (see :mod:`ocr`).
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Any

from backend.documents import checks as chk
from backend.documents.calibration import calibrate
from backend.documents.classify import classify
from backend.documents.extractors import extractor_for, fields_of
from backend.documents.extractors import repayment_statement as rs
from backend.documents.extractors.base import Extraction
from backend.documents.extractors.statement_totals import mismatches, reconcile
from backend.documents.fields import FieldValue
from backend.documents.layout import build_rows
from backend.documents.lost_print import at_frame_side, frame_checks, table_row_checks
from backend.documents.ocr import DEFAULT_ENGINE, OcrPage, get_engine
from backend.documents.preprocess import decode_image, prepare
from backend.documents.presence import classify_unfound, labels_of, printed_labels, unread_checks
from backend.documents.quality import QualityMetrics, measure
from backend.documents.reread import reread_invalid_codes, reread_numbers, reread_table_rows
from backend.documents.result import ExtractionResult, Quality
from backend.documents.sharpness import device_sharpness
from backend.documents.types import DOCUMENT_TYPES
from backend.errors import DoorstepError, ErrorCode

BOOLEAN_FIELDS = frozenset({"has_property"})
_SURE = 0.6  # classifier certainty above which a declared type that differs is flagged


def extract_document(
    image_bytes: bytes, doc_type: str = "auto", *, engine: str = DEFAULT_ENGINE,
    today: dt.date | None = None,
) -> ExtractionResult:
    """Runs the full pipeline on one photo or scan. Raises DoorstepError(IMAGE_UNREADABLE)
    when the bytes are not an image; otherwise always returns a result."""
    if doc_type != "auto" and doc_type not in DOCUMENT_TYPES:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, f"不支持的材料类型：{doc_type}",
                            field="doc_type")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    photo = decode_image(image_bytes)
    page_image, flattened = prepare(photo)
    timings["preprocess"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    ocr = get_engine(engine)
    page = ocr.read_page(page_image)
    timings["ocr"] = time.perf_counter() - t1
    metrics = measure(page.image if page.image is not None else page_image, page.lines,
                      ocr.unsure_below, photo=photo)
    result = extract_from_page(page, doc_type, metrics, today=today)
    result.measurements = {
        "softness": round(metrics.softness, 4), "shake": round(metrics.shake, 4),
        "unsure_share": round(metrics.unsure_share, 4),
        "glare_share": round(metrics.glare_share, 4),
        "text_height_px": round(metrics.text_height, 1), "lines": metrics.line_count,
        "device_sharpness": round(device_sharpness(photo), 1),
    }
    timings["total"] = time.perf_counter() - t0
    result.timings = timings
    result.preprocessing = {"page_flattened": flattened, "red_suppressed": True,
                            "rotated_degrees": page.rotated_degrees}
    return result


def extract_from_page(
    page: OcrPage, doc_type: str, metrics: QualityMetrics, *, today: dt.date | None = None,
) -> ExtractionResult:
    """Everything after OCR (kept separate so it can be tested on recorded OCR lines)."""
    rows = build_rows(page.lines)
    quality = Quality(metrics.blurry, metrics.glare, page.rotated_degrees,
                      metrics.low_resolution)
    checks = chk.quality_checks(metrics)
    detected, certainty = classify(rows)
    resolved = doc_type if doc_type != "auto" else detected
    if doc_type != "auto" and detected not in (None, doc_type) and certainty >= _SURE:
        # Staff said one type, the page reads as another: probably the wrong photo.
        checks.append(chk.Check("DOCUMENT_TYPE_MISMATCH", "warning", None,
                                "材料内容与所选类型不符，请确认是否上传了正确的材料。",
                                {"declared": doc_type, "detected": detected}))
    if resolved is None:
        checks.append(chk.Check("DOCUMENT_TYPE_UNKNOWN", "warning", None,
                                "无法判断材料类型，请人工选择。"))
        return ExtractionResult(None, {}, {}, [], quality, checks, engine=page.engine)
    extraction: Extraction = extractor_for(resolved)(rows)
    fields = extraction.fields
    checks += reread_invalid_codes(page, rows, fields)
    checks += reread_numbers(page, rows, fields, resolved)
    checks += frame_checks(resolved, rows, fields, page.width, printed_labels(resolved),
                           {name: labels_of(resolved, name) for name in fields})
    checks += chk.repair_codes(fields)
    checks += chk.amount_checks(fields)
    checks += chk.person_checks(fields)
    checks += chk.phone_checks(fields)
    checks += chk.date_checks(fields, today)
    table_rows: list[dict[str, Any]] | None = None
    if resolved == "repayment_statement":
        table = _table(extraction)
        checks += reread_table_rows(page, table)
        printed = _printed(extraction)
        reconcile(table, printed)
        rs.apply_totals(fields, table)
        table_rows = list(rs.rows_json(table))
        checks += _table_checks(table)
        checks += table_row_checks(rows, table)
        checks += _totals_checks(table, printed)
    # print running off the photo's side: what was not found may lie beyond the frame
    cut = any(at_frame_side(line, page.width) for line in page.lines)
    unfound = classify_unfound(resolved, rows, [f for f in fields_of(resolved) if f not in fields],
                               legible=not (quality.blurry or quality.glare
                                            or quality.low_resolution or cut),
                               found=[v.value for v in fields.values()])
    checks += chk.missing_checks(unfound.missing) + unread_checks(unfound.unread)
    return ExtractionResult(
        type=resolved,
        fields={k: _json_value(k, v) for k, v in fields.items()},
        confidence=calibrate(resolved, fields, checks, metrics, rows, table_rows),
        missing=unfound.missing,
        unread=unfound.unread,
        raw_confidence={k: v.confidence for k, v in fields.items()},
        quality=quality,
        checks=checks,
        rows=table_rows,
        engine=page.engine,
    )


def _json_value(name: str, value: FieldValue) -> str | bool:
    if name in BOOLEAN_FIELDS:
        return value.value == "true"
    return value.value


def _table(extraction: Extraction) -> list[rs.TableRow]:
    table = extraction.extra.get("table", [])
    return [r for r in table if isinstance(r, rs.TableRow)] if isinstance(table, list) else []


def _printed(extraction: Extraction) -> dict[str, Decimal]:
    printed = extraction.extra.get("printed_totals")
    return {k: v for k, v in printed.items() if isinstance(v, Decimal)} if isinstance(
        printed, dict) else {}


_TOTAL_FIELDS = {"principal": "total_principal_paid", "interest": "total_interest_paid",
                 "total": "total_paid"}


def _totals_checks(table: list[rs.TableRow], printed: dict[str, Decimal]) -> list[chk.Check]:
    """A printed total (合计 row) that differs from the sum of the rows: staff compare."""
    return [chk.Check("STATEMENT_TOTAL_MISMATCH", "warning", _TOTAL_FIELDS[column],
                      "还款明细的合计行与逐行相加的结果不一致，请人工核对。",
                      {"column": column, "computed": str(computed) if computed is not None
                       else None, "printed": str(value)})
            for column, computed, value in mismatches(table, printed)]


def _table_checks(table: list[rs.TableRow]) -> list[chk.Check]:
    out: list[chk.Check] = []
    for row in table:
        where = f"第{row.period}期" if row.period is not None else str(row.date)
        if row.repaired:
            out.append(chk.Check("VALUE_CORRECTED", "info", "total_paid",
                                 f"还款明细{where}有一项看不清，已按“本金+利息=合计”补出。",
                                 {"period": row.period, "computed": row.repaired}))
        elif not row.arithmetic_ok():
            out.append(chk.Check("ROW_ARITHMETIC_MISMATCH", "warning", "total_paid",
                                 f"还款明细{where}本金加利息不等于合计，请人工核对。",
                                 {"period": row.period, "principal": str(row.principal),
                                  "interest": str(row.interest), "total": str(row.total)}))
    return out
