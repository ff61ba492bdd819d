"""Second opinion on codes: when RapidOCR's reading of an ID number or credit code fails
its checksum, Tesseract re-reads the same line (digits and letters only) and the reading
that passes the checksum is kept. The validator decides, never the engine's confidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np

from backend.documents import parsers as p
from backend.documents.checks import ID_FIELDS, Check, label
from backend.documents.fields import FieldValue, compact
from backend.documents.layout import Row
from backend.documents.ocr import OcrPage, get_engine
from backend.documents.ocr.base import Image, OcrLine
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
