"""Signs that print was lost from a value OCR read with a high score (pure).

The recogniser can lose one glyph and still be sure of the rest: 1,700.00 read as ,700.00
(the box cut the 1 off), 2025年2月11日 as 2025年2月1日 (two narrow 1s under a seal's ring
read as one), both at 0.95-0.99. The value parses and looks whole, so neither its shape nor
its score shows it. Two things do:

- a figure that starts with a separator (,700.00): no printed amount does, a digit before
  it was lost;
- a second reading of the same box, cropped a little wider or enlarged (``reread.py``),
  that reads the same digits with one more among them: the first reading lost it.

A value whose box reaches the left or right edge of the photo may go on beyond it: a
photo cut through the text (GJJ-LPS-202 for GJJ-LPS-2022-83915, 陆拾贰万元 for 陆拾贰万元整,
read at 0.99-1.0 off a sheet the camera caught half of) reads whole-looking values.

A value standing to the right of where the other values of its column start (a table of
labels and values, values left-aligned) lost its first characters: glare wiped 贵州省 off
贵州省六盘水市…, and the rest, read at 0.99, looked whole.

A repayment table with a row of figures inside it that went into no table row (glare wiped
the row's period and date, leaving 1136.67 | 2970.00 | 438166.67) lost that row: every
total summed from the table is short of it while each row still adds up.

A value whose cell has, on its row a short gap away, text that is neither a label nor
another field's value may have lost what stood between: a glare spot wiped -2023- out of
GJJ-LPS-2023-80741, leaving GJJ-LPS | 80741, and GJJ-LPS was read at 0.98.

A value right of a cell that holds its label, a gap, and one or two characters (查询结果 经 |
发现该申请人名下有…) lost what stood between them: glare wiped 经查询，未 down to 经, and the
rest, read at 0.997, says the opposite of the paper.

Each makes the value doubted (a warning on the field), so its confidence is capped below
the threshold and staff check it. A second reading that differs otherwise (a digit
changed, one fewer) is no evidence of a lost digit and is left alone: the first reading
was the surer one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from backend.documents import parsers as p
from backend.documents.checks import Check, label
from backend.documents.extractors.repayment_statement import TABLE_FIELDS, TableRow
from backend.documents.fields import FieldValue, compact
from backend.documents.layout import Row
from backend.documents.ocr.base import OcrLine
from backend.documents.shapes import kind_of
from backend.verification.validators import halfwidth

# A box this close to the photo's side (in line heights) touches it: the detector's box
# ends at the last pixel of print, so a line cut by the frame ends within a few pixels.
FRAME_MARGIN = 0.25
# A value column: at least this many other rows' values start within COLUMN_SPREAD line
# heights of one another; a value starting LATE_START line heights (a character and a
# half) right of them lost its start.
COLUMN_PEERS = 3
COLUMN_SPREAD = 0.5
LATE_START = 1.5
NEIGHBOUR_GAP = 3.0
# computed from the table or from another field, not read from one line
_COMPUTED = TABLE_FIELDS | {"has_property"}
_FIGURE = re.compile(r"[¥￥V]?\d[\d,]*\.\d{2}元?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LABEL_ONLY = re.compile(r"[\u4e00-\u9fff()（）]{2,10}[:：]?")
_GAPPED_LABEL = re.compile(r"(\S+?)[:：]?\s+[\u4e00-\u9fff]{1,2}")

# a number whose first character is a thousands or decimal separator: ,700.00  ¥.500
_CUT_FIGURE = re.compile(r"(?:^|[^\d,.])[,.]\d")


def digits(text: str) -> str:
    return "".join(ch for ch in halfwidth(text) if ch.isdigit())


def one_digit_more(first: str, second: str) -> bool:
    """True when ``second`` holds the digits of ``first`` with exactly one digit added
    (anywhere): the first reading dropped it."""
    a, b = digits(first), digits(second)
    if not a or len(b) != len(a) + 1:
        return False
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def cut_at_start(text: str) -> bool:
    """A figure that starts with a separator: its leading digit was lost (,700.00)."""
    return bool(_CUT_FIGURE.search(re.sub(r"\s+", "", halfwidth(text))))


def lines_holding(rows: Sequence[Row], kind: str, value: str) -> list[OcrLine]:
    """The lines a value was read from: holding it as printed or parsing to it."""
    parse = {"date": p.date, "amount": p.amount}.get(kind)
    out = []
    for row in rows:
        for cell in row.cells:
            text = compact(cell.text)
            if value.upper() in text.upper() or (parse is not None and parse(text) == value):
                out.append(cell.line)
    return out


def at_frame_side(line: OcrLine, width: float) -> bool:
    """The line's box touches the photo's left or right side: its text may go on beyond."""
    margin = FRAME_MARGIN * line.height
    return line.left <= margin or line.right >= width - margin


def frame_checks(doc_type: str, rows: Sequence[Row], fields: Mapping[str, FieldValue],
                 width: float, labels: Sequence[str] = (),
                 field_labels: Mapping[str, Sequence[str]] | None = None) -> list[Check]:
    """A warning on each value read from a line that the photo's side cuts, that starts
    late in its column, or that has unjoined text beside it (``labels``: those the type
    prints)."""
    out = []
    for name, fv in fields.items():
        held = lines_holding(rows, kind_of(doc_type, name), fv.value)
        others = [v.value for k, v in fields.items() if k != name]
        own = (field_labels or {}).get(name, ())
        if name not in _COMPUTED and held and any(
                unjoined_neighbour(rows, line, labels, others)
                or stray_start_before(rows, line, own) for line in held):
            out.append(Check("VALUE_PART_LOST", "warning", name,
                             f"{label(name)}“{fv.value}”与旁边的文字之间可能有字没有识别出来，"
                             "请人工核对。", {}))
            continue
        if held and any(at_frame_side(line, width) for line in held):
            out.append(Check("VALUE_AT_PHOTO_EDGE", "warning", name,
                             f"{label(name)}“{fv.value}”紧贴照片边缘，可能没有拍全，请人工核对。",
                             {"width": width}))
        elif held and any(late_in_column(rows, line) for line in held):
            out.append(Check("VALUE_START_LOST", "warning", name,
                             f"{label(name)}“{fv.value}”开头可能有字没有识别出来，请人工核对。",
                             {}))
    return out


def late_in_column(rows: Sequence[Row], line: OcrLine) -> bool:
    """The line is the value right of its row's label and starts well right of where the
    values of the other labelled rows (in the same column) start."""
    h = line.height
    peers: list[float] = []
    own = False
    for row in rows:
        if len(row.cells) < 2 or not _LABEL_ONLY.fullmatch(compact(row.cells[0].text)):
            continue  # a table's row (a period, a date) or a value column without labels
        if row.cells[1].line is line:
            own = True
            x = row.cells[1].x
            continue
        peers.append(row.cells[1].x)
    if not own:
        return False
    near = sorted(v for v in peers if x - 4 * h <= v <= x + 4 * h)
    if len(near) < COLUMN_PEERS:
        return False
    start = near[len(near) // 2]
    aligned = sum(1 for v in near if abs(v - start) <= COLUMN_SPREAD * h)
    return aligned >= COLUMN_PEERS and x - start >= LATE_START * h


def stray_table_row(rows: Sequence[Row], used: Sequence[OcrLine]) -> bool:
    """A page row among the table's rows (or a row's height above or below them) with two
    figures or more, none of them in the table, and no words (a 合计 row has them)."""
    ids = {id(line) for line in used}
    ys = [c.y for row in rows for c in row.cells if id(c.line) in ids]
    if not ys:
        return False
    reach = 2.0 * max(line.height for line in used)
    for row in rows:
        if not min(ys) - reach <= row.y <= max(ys) + reach:
            continue
        if any(id(c.line) in ids for c in row.cells) or _CJK.search(row.text):
            continue
        if sum(1 for c in row.cells if _FIGURE.fullmatch(compact(c.text))) >= 2:
            return True
    return False


def table_row_checks(rows: Sequence[Row], table: Sequence[TableRow]) -> list[Check]:
    """A warning on the statement's totals when a row of figures went into no table row."""
    if not stray_table_row(rows, [line for r in table for line in r.cells.values()]):
        return []
    return [Check("TABLE_ROW_UNREAD", "warning", "total_paid",
                  "还款明细中有一行没有识别完整，合计可能不全，请人工核对。")]


def unjoined_neighbour(rows: Sequence[Row], line: OcrLine, labels: Sequence[str],
                       values: Sequence[str]) -> bool:
    """A cell right of the line on its row, within ``NEIGHBOUR_GAP`` line heights, that
    starts with none of ``labels`` and holds none of ``values`` (the fields read)."""
    for row in rows:
        for i, cell in enumerate(row.cells):
            if cell.line is not line or i + 1 >= len(row.cells):
                continue
            nxt = row.cells[i + 1]
            text = compact(nxt.text)
            if nxt.x - cell.right > NEIGHBOUR_GAP * line.height or not text:
                return False
            if any(label in text[:len(label) + 2] for label in labels):
                return False
            return not any(v and (v in text or text in v) for v in values)
    return False


def stray_start_before(rows: Sequence[Row], line: OcrLine, labels: Sequence[str]) -> bool:
    """The cell left of the line is one of ``labels`` (the field's), a gap, and one or two
    Chinese characters: the start of a value whose middle was lost, not a label's end (a
    longer label, 住所地, is printed without a gap)."""
    for row in rows:
        for i, cell in enumerate(row.cells):
            if cell.line is not line or i == 0:
                continue
            m = _GAPPED_LABEL.fullmatch(halfwidth(row.cells[i - 1].text.strip()))
            return m is not None and compact(m.group(1)) in {compact(x) for x in labels}
    return False
