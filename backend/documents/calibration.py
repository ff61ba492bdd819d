"""Calibrated confidence per field: the probability that a value read is right (pure).

The extractors give each value the OCR engine's score for its line (scaled down for a
label misread in one character or a value under its label). That score says how sure the
recogniser was of the characters, not whether the right text was taken for the field, and
it stays high on a blurred photo whose lines are half guessed. The confidence printed and
sent to devices combines, per field:

- the engine's score (as a logit), and how far the value's least sure character falls
  below it (``weakest_character.py``: one misread character hides in a line's mean),
- what the photo is like: blurred, glare, too coarse, share of unsure lines on the page,
- whether a rule confirms the value (ID or credit-code checksum, 大写 = 小写, birth date and
  sex agree with the ID number, totals agree with the table), or a check doubts it (a
  warning or error on the field) or it had to be repaired (VALUE_CORRECTED),
- whether the value looks like what the field holds (a name of 2-4 Chinese characters, a
  query result that is a whole sentence, an address with a place word…: ``shapes.py``),
- the kind of field (codes, dates, amounts, names, free text, choices), as a prior.

The weights are a logistic (Platt) model fitted by ``bench/_calibrate.py`` on generated
documents with known truth and committed as ``calibration.json``; refit after extraction
changes. A field below the threshold (setting ``DOORSTEP_CONFIDENCE_THRESHOLD``, 0.90 by
default, spec section 4) is shown to staff as 需核对.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from backend.documents.checks import ID_FIELDS, Check
from backend.documents.extractors.repayment_statement import TABLE_FIELDS
from backend.documents.fields import FieldValue, compact, label_candidates
from backend.documents.layout import Row
from backend.documents.presence import labels_of
from backend.documents.quality import QualityMetrics
from backend.documents.shapes import KINDS, kind_of, looks_right
from backend.documents.weakest_character import weakest_character
from backend.verification.validators import is_valid_id_number, is_valid_uscc

TABLE_PATH = Path(__file__).with_name("calibration.json")
DEFAULT_THRESHOLD = 0.90
RULE_DOUBT_CAP = 0.5
_DOUBTING = ("error", "warning")
# Checks about the page, not about one value (they reach the model through the photo features).
_PAGE_CODES = frozenset({"FIELD_MISSING", "FIELD_UNREADABLE"})
_TABLE_CODES = frozenset({"ROW_ARITHMETIC_MISMATCH", "TOTALS_MISMATCH", "ROW_GAP",
                          "TABLE_ROW_UNREAD"})
# Fields decided from another field's text share its doubts: has_property read off a query
# result cut short by glare (经查询, its 名下无…记录 wiped) is as unsure as that result.
_DERIVED_FROM = {"has_property": "query_result"}
# Checks that set two values against each other: either may be the wrong one (肆万元整 for
# 陆拾肆万元整 under glare, against a right ¥640,000.00), so both are doubted.
_PAIR_CODES = {"AMOUNT_UPPER_MISMATCH": frozenset({"loan_amount", "loan_amount_upper"})}
FEATURES = (
    "bias", "raw_logit", "char_gap", "blurry", "glare", "low_resolution", "unsure_share",
    "confirmed", "doubted", "repaired", "shape_suspect", "no_label", "fuzzy_label",
    "glare_text", *(f"kind_{k}" for k in KINDS),
)


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.999)
    return math.log(p / (1 - p))


def _confirmed(name: str, fields: Mapping[str, FieldValue], codes: set[tuple[str, str]]) -> bool:
    value = fields[name].value
    if name in ID_FIELDS:
        return is_valid_id_number(value)
    if name == "uscc":
        return is_valid_uscc(value)
    if name in ("loan_amount", "loan_amount_upper"):
        both = "loan_amount" in fields and "loan_amount_upper" in fields
        return both and ("AMOUNT_UPPER_MISMATCH", "loan_amount") not in codes
    if name in ("birth_date", "sex"):
        number = fields.get("id_number")
        return (number is not None and is_valid_id_number(number.value)
                and ("ID_MISMATCH", name) not in codes)
    return False


def label_strength(doc_type: str, name: str, value: str, rows: Sequence[Row] | None) -> float:
    """1 when a label of the field stands before (or over) the value on the page, 0.5 when
    only a label misread in one character does, 0 when none does (the value was found by
    its shape alone, or by another route); 1 when the page is not known."""
    if rows is None:
        return 1.0
    labels = labels_of(doc_type, name)
    if not labels:
        return 1.0  # computed fields (totals) and fields found by position
    want = compact(value)
    for fuzzy, strength in ((False, 1.0), (True, 0.5)):
        for cand in label_candidates(rows, labels, (), fuzzy=fuzzy):
            text = compact(cand.text)
            if want and (want in text or text in want) and text:
                return strength
    return 0.0


def _table_gap(table_rows: Sequence[Mapping[str, Any]] | None) -> bool:
    periods = [r.get("period") for r in table_rows or []]
    numbers = sorted(p for p in periods if isinstance(p, int))
    return bool(numbers) and numbers != list(range(numbers[0], numbers[0] + len(numbers)))


def features(
    doc_type: str, name: str, fields: Mapping[str, FieldValue], checks: Sequence[Check],
    metrics: QualityMetrics, rows: Sequence[Row] | None = None,
    table_rows: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, float]:
    """The model's inputs for one field read (all numbers; booleans as 0/1). ``rows``: the
    page's OCR rows (for the label feature); ``table_rows``: a statement's parsed table."""
    fv = fields[name]
    codes = {(c.code, c.field or "") for c in checks}
    on_field = [c for c in checks if (c.field == name and c.code not in _PAGE_CODES)
                or name in _PAIR_CODES.get(c.code, ())]
    if name in TABLE_FIELDS:  # a table-level doubt concerns every figure summed from it
        on_field += [c for c in checks if c.code in _TABLE_CODES]
    kind = kind_of(doc_type, name)
    strength = label_strength(doc_type, name, fv.value, rows)
    table_doubt = name in TABLE_FIELDS and _table_gap(table_rows)
    weakest = weakest_character(fv.value, rows) if name not in TABLE_FIELDS else None
    raw_logit = _logit(fv.confidence)
    out = {
        "bias": 1.0,
        "raw_logit": raw_logit,
        "char_gap": max(0.0, raw_logit - _logit(weakest)) if weakest is not None else 0.0,
        "blurry": float(metrics.blurry),
        "glare": float(metrics.glare),
        "low_resolution": float(metrics.low_resolution),
        "unsure_share": float(metrics.unsure_share),
        "confirmed": float(_confirmed(name, fields, codes)),
        "doubted": float(table_doubt or any(c.severity in _DOUBTING for c in on_field)),
        "repaired": float(fv.note is not None or any(c.code == "VALUE_CORRECTED"
                                                      for c in on_field)),
        "shape_suspect": float(not looks_right(doc_type, name, fv.value)),
        "no_label": float(strength == 0.0),
        "fuzzy_label": float(strength == 0.5),
        "glare_text": float(metrics.glare and kind in ("text", "amount")),
    }
    for k in KINDS:
        out[f"kind_{k}"] = float(kind == k)
    source = _DERIVED_FROM.get(name)
    if source is not None and source in fields:
        of_source = features(doc_type, source, fields, checks, metrics, rows, table_rows)
        for flag in ("doubted", "shape_suspect"):
            out[flag] = max(out[flag], of_source[flag])
    return out


def probability(feats: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The model's probability; a value a check doubts (an ID that fails its checksum) or of
    the wrong shape is never above ``RULE_DOUBT_CAP``: such values are rare in the documents
    the weights are fitted on, so their weights rest on a handful of examples, while the
    rule itself says the value is probably wrong whatever the engine's score."""
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    z = min(max(z, -30.0), 30.0)
    p = 1.0 / (1.0 + math.exp(-z))
    if feats.get("doubted") or feats.get("shape_suspect"):
        return min(p, RULE_DOUBT_CAP)
    return p


@cache
def table() -> dict[str, Any]:
    """The committed fit (weights, and what it was fitted and measured on)."""
    loaded: dict[str, Any] = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    return loaded


def calibrate(
    doc_type: str, fields: Mapping[str, FieldValue], checks: Sequence[Check],
    metrics: QualityMetrics, rows: Sequence[Row] | None = None,
    table_rows: Sequence[Mapping[str, Any]] | None = None,
    weights: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Calibrated confidence of every field read, rounded to three places."""
    w = weights if weights is not None else table()["weights"]
    return {name: round(probability(
        features(doc_type, name, fields, checks, metrics, rows, table_rows), w), 3)
        for name in fields}


def needs_check(confidence: Mapping[str, float], threshold: float = DEFAULT_THRESHOLD,
                unread: Sequence[str] = ()) -> list[str]:
    """The fields staff are asked to check (需核对): read below the threshold, or there
    but not legible."""
    low = [name for name, p in confidence.items() if p < threshold]
    return low + [name for name in unread if name not in confidence]
