"""Declarative field rules shared by the per-type extractors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from backend.documents.fields import (
    FieldValue,
    Parser,
    compact,
    continuation,
    label_candidates,
    scan_rows,
)
from backend.documents.label_words import keyword_candidates
from backend.documents.layout import Row


@dataclass(frozen=True)
class FieldRule:
    """How to find one field: labels (variants in any order), a parser that normalises or
    rejects, optionally wrapped lines, and a label-free pattern to fall back on."""

    name: str
    labels: tuple[str, ...]
    parse: Parser
    multiline: bool = False
    fallback: Parser | None = None
    pattern: str | None = None  # regex over the page text; group 1 is parsed
    # words at the heart of labels no table lists (坐落, 银行, 人数), tried after the labels
    keywords: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()  # label words that name something else (身份证 for a name)


@dataclass
class Extraction:
    fields: dict[str, FieldValue] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)  # e.g. parsed table rows


def known_labels(rules: Sequence[FieldRule], extra: Sequence[str] = ()) -> list[str]:
    """What ends a value: every rule's labels and key words (a line starting 偿还方式 is
    not the rest of an address), and the type's other labels."""
    return [label for r in rules for label in (*r.labels, *r.keywords)] + list(extra)


def apply_rules(
    rows: Sequence[Row], rules: Sequence[FieldRule], extra_labels: Sequence[str] = ()
) -> dict[str, FieldValue]:
    stops = known_labels(rules, extra_labels)
    found: dict[str, FieldValue] = {}
    for rule in rules:
        value = _by_label(rows, rule, stops, fuzzy=False)
        if value is None and rule.keywords:
            value = _by_keyword(rows, rule, stops)
        if value is None:
            value = _by_label(rows, rule, stops, fuzzy=True)
        if value is None and rule.pattern:
            value = _by_pattern(rows, rule)
        if value is None and rule.fallback:
            value = next(scan_rows(rows, rule.fallback), None)
        if value is not None:
            found[rule.name] = value
    return found


def _by_label(rows: Sequence[Row], rule: FieldRule, stops: Sequence[str], *,
              fuzzy: bool) -> FieldValue | None:
    """The first value after one of the rule's labels (``fuzzy``: labels misread in one
    character, tried after the key words) that the parser accepts."""
    for cand in label_candidates(rows, rule.labels, stops, fuzzy=fuzzy):
        text = cand.text + (continuation(rows, cand, stops) if rule.multiline else "")
        value = rule.parse(text)
        if value:
            return FieldValue(value, round(cand.confidence, 3))
    return None


def _by_keyword(rows: Sequence[Row], rule: FieldRule, stops: Sequence[str]) -> FieldValue | None:
    for cand in keyword_candidates(rows, rule.keywords, stops, rule.avoid):
        text = cand.text + (continuation(rows, cand, stops) if rule.multiline else "")
        value = rule.parse(text)
        if value:
            return FieldValue(value, round(cand.confidence, 3))
    return None


def _by_pattern(rows: Sequence[Row], rule: FieldRule) -> FieldValue | None:
    assert rule.pattern is not None
    for row in rows:
        m = re.search(rule.pattern, compact(row.text))
        if m:
            value = rule.parse(m.group(1))
            if value:
                conf = min(c.line.score for c in row.cells)
                return FieldValue(value, round(conf, 3))
    return None


def value_below(rows: Sequence[Row], labels: Sequence[str], parse: Parser) -> FieldValue | None:
    """A value printed on the line under its label (e.g. a credit code under its caption)."""
    for cand_row, row in enumerate(rows):
        if any(label in compact(row.text) for label in labels):
            for nxt in rows[cand_row + 1 : cand_row + 3]:
                for cell in nxt.cells:
                    value = parse(cell.text)
                    if value:
                        return FieldValue(value, round(cell.line.score, 3))
    return None


def last_matching(
    rows: Sequence[Row], parse: Parser, *, below: float = 0.5, exclude: Sequence[str] = ()
) -> FieldValue | None:
    """The lowest value on the page that ``parse`` accepts, in the page's lower part
    (issuers and issue dates sit above the seal at the foot of certificates)."""
    if not rows:
        return None
    top, bottom = rows[0].y, rows[-1].y
    limit = top + below * (bottom - top)
    for row in reversed(rows):
        if row.y < limit:
            break
        text = compact(row.text)
        if any(word in text for word in exclude):
            continue
        for cell in reversed(row.cells):
            value = parse(cell.text)
            if value:
                return FieldValue(value, round(cell.line.score, 3))
        # OCR sometimes boxes one value as two cells (2025年05 | 月06日): a pair of
        # neighbouring cells that only together parse is that value.
        for left, right in reversed(list(zip(row.cells, row.cells[1:], strict=False))):
            value = parse(left.text + right.text)
            if value:
                return FieldValue(value, round(min(left.line.score, right.line.score), 3))
    return None
