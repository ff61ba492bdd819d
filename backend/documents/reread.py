"""Second opinion where a rule can judge: when RapidOCR's reading of an ID number or
credit code fails its checksum, or a repayment row's principal + interest ≠ total,
Tesseract re-reads the same cells (digits only) and the combination of readings that
passes the rule is kept — only when exactly one does. The rule decides, never the
engines' confidences.

Dates, amounts, numbers and codes read with a high score get a second look by the same
engine (``reread_numbers``): their box cropped a little wider, and enlarged. A reading with
one digit more means the first dropped one (``lost_print``); the value stays, doubted.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

import cv2
import numpy as np

from backend.documents import parsers as p
from backend.documents.checks import ID_FIELDS, Check, label
from backend.documents.extractors.repayment_statement import TABLE_FIELDS, TableRow
from backend.documents.extractors.statement_cells import amount_in
from backend.documents.fields import FieldValue, compact
from backend.documents.layout import Row
from backend.documents.lost_print import cut_at_start, lines_holding, one_digit_more
from backend.documents.ocr import DEFAULT_ENGINE, OcrEngine, OcrPage, get_engine
from backend.documents.ocr.base import Image, OcrLine
from backend.documents.shapes import kind_of
from backend.verification.validators import USCC_ALPHABET, is_valid_id_number, is_valid_uscc

_CODES: dict[str, tuple[Callable[[str], str | None], Callable[[str], bool], str]] = {
    **dict.fromkeys(ID_FIELDS, (p.id_number, is_valid_id_number, "0123456789X")),
    "uscc": (p.uscc, is_valid_uscc, USCC_ALPHABET),
}


def reread_invalid_codes(
    page: OcrPage, rows: Sequence[Row], fields: dict[str, FieldValue]
) -> list[Check]:
    if page.image is None:
        return []
    checks: list[Check] = []
    for name, fv in list(fields.items()):
        if name not in _CODES:
            continue
        parse, is_valid, alphabet = _CODES[name]
        if is_valid(fv.value):
            continue
        line = _line_holding(rows, fv.value)
        if line is None:
            continue
        from backend.documents.ocr.tesseract import TesseractEngine

        engine = get_engine("tesseract")
        assert isinstance(engine, TesseractEngine)
        text, conf = engine.read_crop(_crop(page.image, line), alphabet)
        other = parse(text)
        if other and is_valid(other):
            fields[name] = FieldValue(other, round(min(conf, fv.confidence), 3), "second_engine")
            checks.append(Check("VALUE_CORRECTED", "info", name,
                                f"{label(name)}首次识别“{fv.value}”未通过校验，"
                                f"复核识别为“{other}”并通过校验。",
                                {"read": fv.value, "corrected": other, "by": "tesseract"}))
    return checks


def _line_holding(rows: Sequence[Row], value: str) -> OcrLine | None:
    for row in rows:
        for cell in row.cells:
            if value in compact(cell.text).upper():
                return cell.line
    return None


def _crop(image: Image, line: OcrLine) -> Image:
    """The line's box with a margin, scaled so text is ~40 px high for Tesseract."""
    h, w = image.shape[:2]
    pad = line.height * 0.3
    x0, y0 = max(0, int(line.left - pad)), max(0, int(line.top - pad))
    x1, y1 = min(w, int(line.right + pad)), min(h, int(line.bottom + pad))
    crop = image[y0:y1, x0:x1]
    scale = 40 / max(line.height, 1.0)
    if abs(scale - 1) > 0.2:
        return np.asarray(cv2.resize(crop, None, fx=scale, fy=scale,
                                     interpolation=cv2.INTER_CUBIC), dtype=np.uint8)
    return np.asarray(crop, dtype=np.uint8)


def reread_table_rows(page: OcrPage, table: Sequence[TableRow]) -> list[Check]:
    if page.image is None:
        return []
    checks: list[Check] = []
    for row in table:
        if row.arithmetic_ok() or row.repaired:
            continue
        columns = ("principal", "interest", "total")
        if any(c not in row.cells for c in columns):
            continue
        from backend.documents.ocr.tesseract import TesseractEngine

        engine = get_engine("tesseract")
        assert isinstance(engine, TesseractEngine)
        options: list[list[Decimal]] = []
        for c in columns:
            first = getattr(row, c)
            second = amount_in(engine.read_crop(_crop(page.image, row.cells[c]), "0123456789.,")[0])
            options.append(sorted({v for v in (first, second) if v is not None}))
        fits = {combo for combo in itertools.product(*options) if combo[0] + combo[1] == combo[2]}
        if len(fits) != 1:
            continue
        (principal, interest, total), = fits
        before = (row.principal, row.interest, row.total)
        row.principal, row.interest, row.total = principal, interest, total
        checks.append(Check("VALUE_CORRECTED", "info", "total_paid",
                            f"还款明细第{row.period}期金额经复核识别后满足“本金+利息=合计”。",
                            {"period": row.period, "read": [str(v) for v in before],
                             "corrected": [str(principal), str(interest), str(total)],
                             "by": "tesseract"}))
    return checks


# Kinds whose values are mostly digits; a value read below this score is already unsure.
_NUMERIC_KINDS = ("date", "amount", "number", "code")
_SURE_SCORE = 0.9
# Second crops of a value's box: (margin in line heights, scale). Measured on the two
# dropped digits of the tuning sets: a margin gave back a 1 the box had cut off, the
# enlarged copy one of two narrow 1s read as one; neither alone found both.
_SECOND_CROPS = ((0.15, 1.0), (0.0, 2.0))


def reread_numbers(page: OcrPage, rows: Sequence[Row], fields: dict[str, FieldValue],
                   doc_type: str) -> list[Check]:
    """A warning on each sure numeric value whose box shows a dropped digit: a figure cut
    at its start, or a second reading of the box with one digit more."""
    if page.image is None:
        return []
    engine = get_engine(page.engine or DEFAULT_ENGINE)
    checks: list[Check] = []
    for name, fv in fields.items():
        kind = kind_of(doc_type, name)
        if kind not in _NUMERIC_KINDS or name in TABLE_FIELDS or fv.confidence < _SURE_SCORE:
            continue
        if name in _CODES and _CODES[name][1](fv.value):
            continue  # its checksum passes: no digit is missing
        for line in lines_holding(rows, kind, fv.value):
            cut = kind == "amount" and cut_at_start(line.text)
            second = "" if cut else _reading_with_one_digit_more(engine, page.image, line)
            if second is not None:
                checks.append(Check(
                    "READING_DOUBTED", "warning", name,
                    f"{label(name)}识别为“{fv.value}”，但照片上可能少读了一位数字，请人工核对。",
                    {"read": line.text, "second": second}))
                break
    return checks


def _reading_with_one_digit_more(engine: OcrEngine, image: Image, line: OcrLine) -> str | None:
    """The first second reading of the line's box that holds one digit more, if any."""
    for margin, scale in _SECOND_CROPS:
        text = engine.read_crop(_box_crop(image, line, margin, scale))[0]
        if one_digit_more(line.text, text):
            return text
    return None


def _box_crop(image: Image, line: OcrLine, margin: float, scale: float) -> Image:
    """The line's box (its quad, straightened) grown by ``margin`` line heights, scaled."""
    quad = np.asarray(line.quad, dtype=np.float32)
    pad = margin * line.height
    quad += np.array([[-pad, -pad], [pad, -pad], [pad, pad], [-pad, pad]], np.float32)
    w = max(1, int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))))
    h = max(1, int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))))
    target = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    crop = cv2.warpPerspective(image, cv2.getPerspectiveTransform(quad, target), (w, h),
                               borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    if scale != 1.0:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return np.asarray(crop, dtype=np.uint8)
