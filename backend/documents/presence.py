"""Fields not read: absent from the page ("not found") or there but not legible (pure).

Staff act differently on the two: a field that is not on the paper (covered, cut off, left
blank) needs another document or a retake of the whole page, a field that is printed but
was not read needs a person to read it off the photo. ``missing`` lists only the first kind
(spec section 4: "could not be found"), ``unread`` the second.

A field is *not found* when none of its labels starts a cell on the page, or a label does
but nothing stands after or under it (the value was whited out or left blank). It is *not
legible* when text stands where its value should be but did not parse, when only a label
misread in one character is there, and whenever the photo is blurred, washed out by glare or
too coarse: then what OCR did not see may still be on the paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from backend.documents.checks import Check, label
from backend.documents.extractors import _MODULES, fields_of
from backend.documents.extractors.base import FieldRule
from backend.documents.fields import label_candidates
from backend.documents.layout import Row

# Fields found without a rule of their own: the labels their value stands beside, or the
# field they are computed from (then they share its fate).
_LABELLED_BY = {
    ("loan_contract", "borrower_id_number"): "ID_LABELS",
    ("rental_contract", "tenant_id_number"): "ID_LABELS",
    ("rental_contract", "lease_start"): "LEASE_LABELS",
    ("rental_contract", "lease_end"): "LEASE_LABELS",
}
_ID_LABELS = ("公民身份号码", "身份证号码", "身份证号", "证件号码", "身份号码")
_DERIVED_FROM = {("no_housing_certificate", "has_property"): "query_result"}


@dataclass(frozen=True)
class Unfound:
    missing: list[str]  # not on the page
    unread: list[str]  # on the page, not legible


def _rules(module: ModuleType) -> dict[str, tuple[str, ...]]:
    labels: dict[str, tuple[str, ...]] = {}
    for value in vars(module).values():
        if isinstance(value, tuple) and value and all(isinstance(r, FieldRule) for r in value):
            for rule in value:
                labels[rule.name] = labels.get(rule.name, ()) + tuple(rule.labels)
    return labels


def labels_of(doc_type: str, field: str) -> tuple[str, ...]:
    """The printed labels that name ``field`` on a ``doc_type`` (empty when it has none)."""
    module = _MODULES[doc_type]
    if field in (rules := _rules(module)):
        return rules[field]
    attr = _LABELLED_BY.get((doc_type, field))
    if attr is None:
        return ()
    found = getattr(module, attr, None)
    if isinstance(found, tuple) and all(isinstance(x, str) for x in found):
        return found
    return _ID_LABELS if attr == "ID_LABELS" else ()


def _all_labels(doc_type: str) -> list[str]:
    out: list[str] = []
    for field in fields_of(doc_type):
        out += labels_of(doc_type, field)
    return out


def _value_stands_by_label(rows: Sequence[Row], labels: Sequence[str],
                           stops: Sequence[str]) -> bool:
    for fuzzy in (False, True):
        for cand in label_candidates(rows, labels, stops, fuzzy=fuzzy):
            if cand.text.strip(" :：;；,，.。、-_|()（）"):
                return True
    return False


def classify_unfound(
    doc_type: str, rows: Sequence[Row], unfound: Iterable[str], *, legible: bool = True,
) -> Unfound:
    """Splits the type's fields that were not read into not found and not legible.
    ``legible``: False when the photo is blurred, glared or too coarse."""
    names = list(unfound)
    if not legible:
        return Unfound([], names)
    stops = _all_labels(doc_type)
    missing: list[str] = []
    unread: list[str] = []
    for name in names:
        source = _DERIVED_FROM.get((doc_type, name))
        if source is not None:
            continue  # decided with its source below
        labels = labels_of(doc_type, name)
        if not labels or _value_stands_by_label(rows, labels, stops):
            unread.append(name)  # no label to judge by, or text there that did not parse
        else:
            missing.append(name)
    for name in names:
        source = _DERIVED_FROM.get((doc_type, name))
        if source is not None:
            (missing if source in missing else unread).append(name)
    order = {f: i for i, f in enumerate(fields_of(doc_type))}
    return Unfound(sorted(missing, key=order.__getitem__), sorted(unread, key=order.__getitem__))


def unread_checks(unread: Sequence[str]) -> list[Check]:
    return [Check("FIELD_UNREADABLE", "warning", f,
                  f"“{label(f)}”在照片上看不清，请对照原件核对填写或补拍。",
                  {"reason": "not_legible"}) for f in unread]
