"""Labels that no synonym table lists, found by the word that names what they label.

Forms word their labels in endless ways (所购房屋坐落, 贷款经办银行, 参缴人数, 金额大写), but
the word at their heart is stable (坐落, 银行, 人数, 大写). A *label-like* cell part is a
short run of Chinese (brackets and % allowed) that ends at a colon, at a gap, or fills
its cell with a value to its right or under it. When it contains one of a field's key
words, the value after it is a candidate; the caller's parser still has to accept it.
Extractors try these only after every listed label failed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from backend.documents.fields import Candidate, compact, far_apart, squash
from backend.documents.layout import Cell, Row

_LABEL = r"[\u4e00-\u9fff()（）%/]{2,12}"
_WITH_COLON = re.compile(rf"^({_LABEL}?)[:：]")
_WHOLE = re.compile(rf"^{_LABEL}$")
_LEADING = re.compile(r"^[\s:：;；,，.。、\-_|]+")


def split_label(cell: Cell) -> tuple[str, str] | None:
    """(label, value as printed) when the cell starts with something label-like; the
    value is empty when the label fills the cell."""
    t = compact(cell.text)
    m = _WITH_COLON.match(t)
    if m:
        return m.group(1), _LEADING.sub("", squash(cell.text)[len(m.group(0)):])
    if _WHOLE.match(t):
        return t, ""
    parts = cell.text.strip().split(None, 1)  # a gap after the label ends it
    if len(parts) == 2 and _WHOLE.match(compact(parts[0])):
        return compact(parts[0]), _LEADING.sub("", squash(parts[1]))
    return None


def glued_label(cell: Cell, keywords: Sequence[str]) -> tuple[str, str] | None:
    """A label printed against its value with no colon or gap (出租房屋坐落贵州省…): Chinese
    from the cell's start up to a key word ending within its first ten characters."""
    t, raw = compact(cell.text), squash(cell.text)
    for k in keywords:
        end = t.find(k) + len(k)
        if len(k) <= end <= 10 and re.fullmatch(_LABEL, t[:end]) and len(t) > end + 1:
            return t[:end], _LEADING.sub("", raw[end:])
    return None


def _starts_label(cell: Cell, stops: Sequence[str]) -> bool:
    """A known label, or a label-like part ended by a colon (a short bare word such as a
    name is a value, not a label)."""
    t = compact(cell.text)
    if any(t.startswith(s) for s in stops) or _WITH_COLON.match(t) is not None:
        return True
    # a bare short label ending in a known label word (借款期数 ends in 期数)
    return bool(_WHOLE.match(t)) and 3 <= len(t) <= 8 and any(
        len(s) >= 2 and t.endswith(s) for s in stops)


def keyword_candidates(
    rows: Sequence[Row], keywords: Sequence[str], stops: Sequence[str] = (),
    avoid: Sequence[str] = (),
) -> Iterator[Candidate]:
    """Values after label-like cell parts that contain a key word (and none of ``avoid``):
    the rest of the cell, else the cells to its right up to the next label, else the
    cell under it."""
    for ri, row in enumerate(rows):
        for ci, cell in enumerate(row.cells):
            found = split_label(cell)
            if found is None or not any(k in found[0] for k in keywords):
                found = glued_label(cell, keywords)
            if found is None:
                continue
            label, rest = found
            if not any(k in label for k in keywords) or any(a in label for a in avoid):
                continue
            score = cell.line.score * 0.9
            if rest:
                yield Candidate(rest, score, ri, ci, cell.x)
                continue
            following: list[Cell] = []
            for nxt in row.cells[ci + 1:]:
                if _starts_label(nxt, stops) or (following and far_apart(following[-1], nxt)):
                    break
                following.append(nxt)
            if following:
                yield Candidate("".join(squash(c.text) for c in following),
                                min(c.line.score for c in following) * 0.9, ri, ci,
                                following[0].x)
            elif ri + 1 < len(rows):
                below = [c for c in rows[ri + 1].cells
                         if min(c.right, cell.right) - max(c.x, cell.x) > 0
                         and not _starts_label(c, stops)]
                if below:
                    yield Candidate(squash(below[0].text), below[0].line.score * 0.85, ri + 1,
                                    rows[ri + 1].cells.index(below[0]), below[0].x)
