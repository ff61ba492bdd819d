"""Fields not read: absent from the page ("not found") or there but not legible (pure).

Staff act differently on the two: a field that is not on the paper (covered, cut off, left
blank) needs another document or a retake of the whole page, a field that is printed but
was not read needs a person to read it off the photo. ``missing`` lists only the first kind
(spec section 4: "could not be found"), ``unread`` the second.

A field is *not found* when none of its labels starts a cell on the page, or a label does
but nothing stands after or under it (the value was whited out or left blank). It is *not
legible* when text stands where its value should be but did not parse, when only a label
misread in one character is there, when a cell of the field's shape (an ID number, a date,
a whole address or organisation name) stands unclaimed, parsed or not (2025/01/0% is a
date misread, not a date left out), when most of the type's fields seem absent (another
document, or a page OCR could not make out), and whenever the photo is blurred, washed
out by glare, too coarse or cut through the print at its side: then what OCR did not see
may still be on the paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from backend.documents import parsers as p
from backend.documents.checks import Check, label
from backend.documents.extractors import _MODULES, fields_of
from backend.documents.extractors.base import FieldRule
from backend.documents.fields import Parser, compact, label_candidates, squash
from backend.documents.layout import Row
from backend.documents.shapes import kind_of, looks_right
from backend.verification.validators import halfwidth

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


def _field_rules(module: ModuleType) -> list[FieldRule]:
    return [rule for value in vars(module).values()
            if isinstance(value, tuple) and value and all(isinstance(r, FieldRule) for r in value)
            for rule in value]


def _rules(module: ModuleType) -> dict[str, tuple[str, ...]]:
    labels: dict[str, tuple[str, ...]] = {}
    for rule in _field_rules(module):
        labels[rule.name] = labels.get(rule.name, ()) + tuple(rule.labels)
    return labels


def _whole(doc_type: str, field: str, parse: Parser) -> Parser:
    def whole(text: str) -> str | None:
        value = parse(text)
        return value if value and looks_right(doc_type, field, value) else None
    return whole


def _parser_of(doc_type: str, field: str) -> Parser | None:
    """The field's parser when its values have a shape of their own (codes, dates, whole
    addresses: place words, ending in a number or a room; organisations: ending in 公司,
    中心, …): a cell of that shape that no label claims may be the field with its label
    lost (washed out, or misread: 佳址)."""
    if field == "address" or field.endswith("_address"):
        return _whole(doc_type, field, p.address)
    if field in ("company_name", "unit_name"):
        return _whole(doc_type, field, p.free_text)
    if kind_of(doc_type, field) not in ("code", "date"):
        return None
    if field in ("borrower_id_number", "tenant_id_number"):
        return p.id_number
    for rule in _field_rules(_MODULES[doc_type]):
        if rule.name == field:
            return rule.parse
    return None


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


def printed_labels(doc_type: str) -> list[str]:
    """Every label a ``doc_type`` prints: its fields' and the others it has (查询目的…)."""
    other = getattr(_MODULES[doc_type], "_OTHER_LABELS", ())
    return _all_labels(doc_type) + [x for x in other if isinstance(x, str)]


_JUNK = " :：;；,，.。、-_|()（）"


def _near_one_label(text: str, label: str) -> bool:
    """``label`` (three or more characters) in ``text`` misread in one character."""
    n = len(label)
    if n < 3:
        return False
    return any(sum(a != b for a, b in zip(text[i:i + n], label, strict=True)) == 1
               for i in range(len(text) - n + 1))


def _value_stands_by_label(rows: Sequence[Row], labels: Sequence[str],
                           stops: Sequence[str]) -> bool:
    """A label of the field anywhere in a cell (inside a longer label too, or misread in
    one character), with text after it, in the next cell or in the cell under it."""
    for fuzzy in (False, True):
        for cand in label_candidates(rows, labels, stops, fuzzy=fuzzy):
            if cand.text.strip(_JUNK):
                return True
    for ri, row in enumerate(rows):
        for ci, cell in enumerate(row.cells):
            text = compact(cell.text)
            for printed in labels:
                idx = text.find(printed)
                if idx < 0 and not _near_one_label(text, printed):
                    continue
                rest = text[idx + len(printed):] if idx >= 0 else ""
                if rest.strip(_JUNK) or any(not _starts_with_label(c.text, stops)
                                            for c in row.cells[ci + 1:ci + 2]):
                    return True
                if ri + 1 < len(rows) and any(
                        min(c.right, cell.right) > max(c.x, cell.x)
                        and not _starts_with_label(c.text, stops) for c in rows[ri + 1].cells):
                    return True
    return False


def _starts_with_label(text: str, stops: Sequence[str]) -> bool:
    t = compact(text)
    return any(printed in t[:len(printed) + 4] for printed in stops)


def _orphan_of_shape(rows: Sequence[Row], parse: Parser, stops: Sequence[str],
                     taken: set[str]) -> bool:
    """A cell that starts with no label and whose text parses as the field (and is no
    other field's value): the field may be there with its label lost. A label word inside
    the text (民族路 in an address) does not make it a label."""
    for row in rows:
        for cell in row.cells:
            if _starts_with_label(cell.text, stops):
                continue
            value = parse(squash(cell.text))
            if value and value not in taken:
                return True
    return False


# What a misread value of a kind still looks like when its parser refuses it (2025/01/0%,
# 2025..10, an ID number with a letter misread): printed, so not legible rather than not there.
_MISREAD_SHAPE = {
    "date": re.compile(r"(?:19|20)\d{2}\s*[年/.\-]{1,2}\s*\d{1,2}"),  # 2025..10 lost its 11
    "code": re.compile(r"[0-9A-Za-z]{12,}"),
}


def _misread_of_shape(rows: Sequence[Row], kind: str, stops: Sequence[str],
                      taken: set[str]) -> bool:
    """A cell with no label in it that has the field's shape but did not parse (and is
    no other field's value): the field is printed, its label lost or never printed."""
    shape = _MISREAD_SHAPE.get(kind)
    if shape is None:
        return False
    for row in rows:
        for cell in row.cells:
            text = squash(cell.text)
            if any(printed in compact(cell.text) for printed in stops):
                continue
            if shape.search(halfwidth(text)) and not any(v and v in text for v in taken):
                return True
    return False


def classify_unfound(
    doc_type: str, rows: Sequence[Row], unfound: Iterable[str], *, legible: bool = True,
    found: Iterable[str] = (),
) -> Unfound:
    """Splits the type's fields that were not read into not found and not legible.
    ``legible``: False when the photo is blurred, glared, too coarse or cuts the print at
    its side; ``found``: the values read for the other fields."""
    names = list(unfound)
    if not legible:
        return Unfound([], names)
    stops = _all_labels(doc_type)
    all_stops = printed_labels(doc_type)
    taken = set(found)
    missing: list[str] = []
    unread: list[str] = []
    for name in names:
        source = _DERIVED_FROM.get((doc_type, name))
        if source is not None:
            continue  # decided with its source below
        labels = labels_of(doc_type, name)
        parse = _parser_of(doc_type, name)
        if (not labels or _value_stands_by_label(rows, labels, stops)
                or (parse is not None and _orphan_of_shape(rows, parse, all_stops, taken))
                or _misread_of_shape(rows, kind_of(doc_type, name), all_stops, taken)):
            unread.append(name)  # no label to judge by, or text there that did not parse
        else:
            missing.append(name)
    for name in names:
        source = _DERIVED_FROM.get((doc_type, name))
        if source is not None:
            (missing if source in missing else unread).append(name)
    if len(missing) > len(fields_of(doc_type)) / 2:
        # Most of the type's fields absent: rather another document, or a page OCR could
        # not make out, than a form with half of it covered.
        unread, missing = unread + missing, []
    order = {f: i for i, f in enumerate(fields_of(doc_type))}
    return Unfound(sorted(missing, key=order.__getitem__), sorted(unread, key=order.__getitem__))


def unread_checks(unread: Sequence[str]) -> list[Check]:
    return [Check("FIELD_UNREADABLE", "warning", f,
                  f"“{label(f)}”在照片上看不清，请对照原件核对填写或补拍。",
                  {"reason": "not_legible"}) for f in unread]
