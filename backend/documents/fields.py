"""Finding labelled values on a page and normalising them.

A document is read as rows of cells (see :mod:`layout`). A label is matched at the start
of a cell whatever its width or colon; its value is the rest of that cell or, when the
cell holds only the label, the cells to its right up to the next label. Letter-spaced
labels that OCR splits into single characters (``名    称``) are matched by their first
character standing alone at the start of a row.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from backend.documents.layout import Cell, Row
from backend.verification.validators import halfwidth

Parser = Callable[[str], "str | None"]

_LEADING_JUNK = re.compile(r"^[\s:：;；,，.。、\-_|]+")
_QUALIFIER = re.compile(r"^[(（][^)）]{0,6}[)）]")
# Words a label may end with that do not change what it names: 借款人姓名 is 借款人,
# 缴存单位全称 is 缴存单位 (so a synonym table need not list every combination).
_LABEL_TAIL = re.compile(r"^(姓名|名称|全称)")


# Variant characters printed in labels (座落 for 坐落, 帐号 for 账号): one to one, so a
# label's length in the compact text is its length as printed.
_LABEL_CHARS = str.maketrans({"座": "坐", "帐": "账"})


def compact(text: str) -> str:
    """For matching labels: half-width, no spaces, variant label characters unified."""
    return re.sub(r"\s+", "", halfwidth(text)).translate(_LABEL_CHARS)


def squash(text: str) -> str:
    """For values: spaces removed, characters kept as printed (aligned with compact)."""
    return re.sub(r"\s+", "", text)


def edit_distance(a: str, b: str) -> int:
    """Edits (a character lost, added or swapped) that turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class FieldValue:
    value: str
    confidence: float
    note: str | None = None  # e.g. how a value was repaired


@dataclass(frozen=True)
class Candidate:
    text: str
    confidence: float
    row: int
    cell: int
    x: float  # where the value starts (for continuation lines)


def _strip_after_label(rest: str) -> str:
    rest = _LEADING_JUNK.sub("", rest)
    return _LEADING_JUNK.sub("", rest)


def _is_label_start(text: str, labels: Iterable[str]) -> bool:
    t = compact(text)
    return any(t.startswith(label) for label in labels)


def label_candidates(
    rows: Sequence[Row], labels: Sequence[str], known_labels: Sequence[str] = (),
    *, fuzzy: bool = False,
) -> Iterator[Candidate]:
    """Every place a label from ``labels`` starts a cell, with the value after it.

    ``fuzzy``: instead, cells that start with a label misread in one character (借款金颔,
    贷款期恨) and with no known label at all; callers try these only after every exact
    match was rejected, and trust them a little less."""
    ordered = sorted(labels, key=len, reverse=True)
    stops = list(known_labels) + list(ordered)
    for ri, row in enumerate(rows):
        for ci, cell in enumerate(row.cells):
            t, raw = compact(cell.text), squash(cell.text)
            # the cell with its gaps kept as colons: a gap after a label ends it like a colon
            gapped = compact(re.sub(r"\s+", ":", cell.text.strip()))
            if fuzzy and any(_match_label(t, s, gapped) is not None for s in stops):
                continue
            for label in ordered:
                rest = _fuzzy_label(t, label) if fuzzy else _match_label(t, label, gapped)
                skip = 0
                if rest is None and ci == 0 and len(label) >= 2 and t == label[0]:
                    rest = ""  # letter-spaced label split into single characters
                    skip = sum(1 for c in row.cells[1:3] if compact(c.text) in label[1:])
                if rest is None:
                    continue
                # same suffix, as printed (compact maps characters one to one)
                rest = _strip_after_label(raw[len(raw) - len(rest):] if rest else "")
                tail = ""
                if _label_tail(rest) and ci + 1 < len(row.cells) and not _is_label_start(
                        row.cells[ci + 1].text, stops):
                    # 住所地 | 贵州省…: a longer label, its value to the right; unless what
                    # is to the right is no value (姓名程萍 | 女: the tail is a short name)
                    tail, rest = rest, ""
                score = cell.line.score * (0.9 if fuzzy else 1.0)
                if rest:
                    share = len(rest) / max(len(t), 1)
                    x = cell.right - share * (cell.right - cell.x)
                    yield Candidate(rest, score, ri, ci, x)
                else:
                    following: list[Cell] = []
                    for nxt in row.cells[ci + 1 + skip :]:
                        if _is_label_start(nxt.text, stops) or (
                                following and far_apart(following[-1], nxt)):
                            break
                        following.append(nxt)
                    if following:
                        text = "".join(_strip_after_label(squash(c.text)) for c in following)
                        if skip or t == label[0]:
                            # an undetected spaced label character glued to the value
                            text = _strip_after_label(text.lstrip(label[1:]))
                        conf = min(c.line.score for c in following) * (0.9 if fuzzy else 1.0)
                        yield Candidate(text, conf, ri, ci, following[0].x)
                    elif ri + 1 < len(rows):
                        # Forms that print the value under its label.
                        below = _cell_below(rows[ri + 1], cell, stops)
                        if below is not None:
                            yield Candidate(squash(below.text), below.line.score * 0.95,
                                            ri + 1, rows[ri + 1].cells.index(below), below.x)
                    if tail:
                        yield Candidate(tail, score, ri, ci, cell.right - len(tail) * (
                            cell.right - cell.x) / max(len(t), 1))
                break


def far_apart(left: Cell, right: Cell) -> bool:
    """A gap of over four line heights: the next field's part (性 | 别 after a name), not
    more of the same value."""
    return right.x - left.right > 4 * max(left.line.height, right.line.height, 1.0)


def _label_tail(rest: str) -> bool:
    """One or two Chinese characters left after a label in a cell: the end of a longer
    label (住所**地**, 租赁期**间**), not a value."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,2}[:：]?", rest))


def _cell_below(row: Row, label_cell: Cell, stops: Sequence[str]) -> Cell | None:
    for cell in row.cells:
        overlap = min(cell.right, label_cell.right) - max(cell.x, label_cell.x)
        if overlap > 0 and not _is_label_start(cell.text, stops):
            return cell
    return None


def _fuzzy_label(text: str, label: str) -> str | None:
    """The text after ``label`` when the cell starts with it misread in one character other
    than the first (labels of four or more characters without a qualifier only), or ""
    when the cell is the label without its last character (labels of three or more)."""
    n = len(label)
    if n >= 3 and "(" not in label and text == label[:-1]:
        return ""  # the label's last character lost (申请 | 魏建): its value to the right
    if n < 4 or "(" in label or len(text) < n or text[0] != label[0]:
        return None
    if sum(a != b for a, b in zip(text[:n], label, strict=True)) != 1:
        return None
    return _QUALIFIER.sub("", text[n:])


def _match_label(text: str, label: str, gapped: str = "") -> str | None:
    """The text after ``label`` when the cell starts with it (a qualifier like （小写） that
    is part of the label may follow in the text, and is dropped from the value).
    ``gapped`` is the same cell with its spaces as colons."""
    idx = text.find(label)
    if idx < 0 or idx > 4:
        return None
    after = text[idx + len(label) : idx + len(label) + 1]
    ends = after in (":", "：") or (bool(gapped) and gapped.startswith(text[:idx] + label + ":"))
    if idx and re.search(r"[\u4e00-\u9fff]", text[:idx]) and not ends:
        return None  # inside another word, unless a colon or gap shows it is a label
    if idx > 2 and not ends:
        return None
    rest = text[idx + len(label) :]
    if not label.endswith(("姓名", "名称", "全称")):
        rest = _LABEL_TAIL.sub("", rest)
    if "(" not in label:
        rest = _QUALIFIER.sub("", rest)
    return rest


def continuation(rows: Sequence[Row], cand: Candidate, stops: Sequence[str]) -> str:
    """Lines below a value that continue it (wrapped addresses): they start at or right
    of the value, contain no label, and follow without a large gap."""
    parts = []
    row = rows[cand.row]
    h = statistics.fmean(c.line.height for c in row.cells)
    last_y = row.y
    for nxt in rows[cand.row + 1 :]:
        first = nxt.cells[0]
        if nxt.y - last_y > 1.9 * h or first.x < cand.x - 0.8 * h:
            break
        if any(_is_label_start(c.text, stops) for c in nxt.cells):
            break
        parts.append("".join(squash(c.text) for c in nxt.cells))
        last_y = nxt.y
    return "".join(parts)


def first_valid(
    rows: Sequence[Row],
    labels: Sequence[str],
    parse: Parser,
    known_labels: Sequence[str] = (),
) -> FieldValue | None:
    """The first labelled value that ``parse`` accepts (parse returns None to reject);
    labels misread in one character are tried only when no exact label gave one."""
    for fuzzy in (False, True):
        for cand in label_candidates(rows, labels, known_labels, fuzzy=fuzzy):
            value = parse(cand.text)
            if value:
                return FieldValue(value, round(cand.confidence, 3))
    return None


def scan_rows(rows: Sequence[Row], parse: Parser) -> Iterator[FieldValue]:
    """Values found by pattern alone, anywhere on the page, top to bottom."""
    for row in rows:
        for cell in row.cells:
            value = parse(squash(cell.text))
            if value:
                yield FieldValue(value, round(cell.line.score, 3))
