"""Issuing offices' names, repaired where OCR lost, swapped or doubled a character (pure).

An issuer is printed as places, then an office: 六盘水市钟山区 + 民政局婚姻登记处. Both parts
come from small vocabularies: the offices that issue the papers a housing fund takes (the
same words across China) and the place names of the centre's service area. The seal is
stamped over exactly this line, so OCR often misses or swaps a character in it (民政后姻登记处,
盈州市, 钟中山区). A part that is a few edits from a known word is replaced by it, and the
value is marked as repaired (a note), so its confidence drops and staff still check it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from backend.centre import SERVICE_AREA
from backend.documents.fields import FieldValue, compact, edit_distance, squash
from backend.documents.layout import Row

# Office words, longest first where one ends another (民政局婚姻登记处 before 婚姻登记处).
OFFICES = (
    "住房和城乡建设局", "自然资源和规划局", "民政局婚姻登记处", "住房公积金管理中心",
    "市场监督管理局", "不动产登记中心", "不动产登记局", "自然资源局", "婚姻登记处",
    "行政审批局", "婚姻登记中心", "政务服务中心", "民政局", "公安局", "派出所", "人民政府",
)
# Other place names, so that a real one is never "repaired" into the service area (杭州市
# is one character from 盘州市): Guizhou's prefectures and China's 州 cities.
OTHER_PLACES = (
    "贵阳市", "遵义市", "安顺市", "毕节市", "铜仁市", "兴义市", "凯里市", "都匀市", "清镇市",
    "赤水市", "仁怀市", "福泉市", "兴仁市", "黔西市", "云南省", "四川省", "重庆市",
    "杭州市", "苏州市", "广州市", "福州市", "郑州市", "兰州市", "徐州市", "常州市", "扬州市",
    "泰州市", "温州市", "湖州市", "台州市", "衢州市", "滁州市", "宿州市", "亳州市", "池州市",
    "泉州市", "漳州市", "赣州市", "抚州市", "德州市", "滨州市", "荆州市", "鄂州市", "随州市",
    "郴州市", "永州市", "惠州市", "梅州市", "潮州市", "钦州市", "梧州市", "柳州市", "贺州市",
    "儋州市", "达州市", "泸州市", "锦州市", "朔州市", "忻州市", "沧州市", "莱州市", "青州市",
    "中山区", "钟楼区",
)
_OFFICES_LONGEST_FIRST = sorted(OFFICES, key=len, reverse=True)
_KNOWN_PLACES = SERVICE_AREA + OTHER_PLACES
_PLACE = re.compile(r".+?(?:自治州|自治县|特区|开发区|新区|省|市|区|县)")
# The service area's place names without their 市/区/县 (六盘水, 钟山, 六枝).
_PLACE_STEMS = tuple(re.sub(r"(市|区|县|特区|经济开发区|省)$", "", p) for p in SERVICE_AREA)
# What is left of a service-area place that lost its first character (盘水市 of 六盘水市).
_PLACES_WITHOUT_FIRST = tuple(p[1:] for p in SERVICE_AREA if len(p) > 3)


def _office_tail(text: str) -> tuple[int, str] | None:
    """(where the office starts in ``text``, the office word) for the longest office word
    the text ends with, cut short by at most two characters (民政局婚姻登, when no other
    office word starts the same), or misread
    within reach (2 edits for words of six or more characters, 1 for four or five, none
    for shorter ones) but ending in the word's own last character (处, 局, 心)."""
    for office in _OFFICES_LONGEST_FIRST:
        for cut in (1, 2):
            start = office[:-cut]
            if len(start) >= 4 and text.endswith(start) and sum(
                    o.startswith(start) for o in OFFICES) == 1:
                return len(text) - len(office) + cut, office
        reach = 2 if len(office) >= 6 else 1 if len(office) >= 4 else 0
        best: tuple[int, int] | None = None
        for size in range(max(1, len(office) - reach), len(office) + reach + 1):
            if size > len(text) or text[-1] != office[-1]:
                break
            d = edit_distance(text[-size:], office)
            if d <= reach and (best is None or d < best[0]):
                best = (d, len(text) - size)
        if best is not None:
            return best[1], office
    return None


def _place(token: str) -> str:
    """A place name as known, when the token is one edit from it (the service area wins a
    tie with another place; any other tie leaves the token as read)."""
    if len(token) < 3 or token in _KNOWN_PLACES:
        return token
    near = [p for p in _KNOWN_PLACES if edit_distance(token, p) == 1]
    local = [p for p in near if p in SERVICE_AREA]
    if len(near) == 1:
        return near[0]
    return local[0] if len(local) == 1 else token


def misread_place(text: str) -> bool:
    """Whether a place the text starts with (贵州省六盘永市…) is not known but one edit from a
    known one: a misread place name (水 read 永). Judged only while the places are the
    service area's: after a place elsewhere (山东省, 遵义市) the rest is elsewhere too."""
    rest = text
    while m := _PLACE.match(rest):
        token = m.group(0)
        if _place(token) != token:
            return True
        if token not in SERVICE_AREA:
            return False
        rest = rest[m.end():]
    return False


def starts_with_a_cut_place(text: str) -> bool:
    """Whether the text starts with a piece of a place of the service area that lost the
    rest of it (六盘商业银行 for 六盘水农村商业银行) or its first character (盘水市… for
    六盘水市…: three characters or more are left, so no other name is taken for one)."""
    if text.startswith(_KNOWN_PLACES):
        return False
    lost_tail = not text.startswith(_PLACE_STEMS) and any(
        len(stem) > 2 and text.startswith(stem[:2]) for stem in _PLACE_STEMS)
    return lost_tail or text.startswith(_PLACES_WITHOUT_FIRST)


def office_start(text: str) -> int | None:
    """Where the office word starts in an issuer that ends with one exactly, else None."""
    for office in _OFFICES_LONGEST_FIRST:
        if text.endswith(office):
            return len(text) - len(office)
    return None


def repair_issuer_name(text: str) -> str:
    """The issuer with its office word and place names as known (unchanged when nothing
    is within reach)."""
    tail = _office_tail(text)
    if tail is None:
        return text
    start, office = tail
    places, rest = [], text[:start]
    while m := _PLACE.match(rest):
        places.append(_place(m.group(0)))
        rest = rest[m.end():]
    return "".join(places) + rest + office


def marked_if_repaired(fv: FieldValue, rows: Sequence[Row]) -> FieldValue:
    """The issuer with a note when the page does not print it as it now reads (the
    parser repaired it): a repaired value is shown for checking."""
    if fv.note is not None or any(fv.value in squash(row.text) for row in rows):
        return fv
    return FieldValue(fv.value, fv.confidence, note="出具机关按机构名称修正")


def joined_with_left(fv: FieldValue, rows: Sequence[Row], parse: Callable[[str], str | None],
                     stops: Sequence[str]) -> FieldValue:
    """The issuer with the cells just left of it in its row, when OCR boxed one name as
    several (六盘水市钟山区 | 局婚姻登记处, the seal's edge between them) and together they
    still read as an issuer. A cell holding a label (or a colon) ends the name."""
    for row in rows:
        for ci, cell in enumerate(row.cells):
            if ci == 0 or parse(cell.text) != fv.value:
                continue
            text, score, right = squash(cell.text), cell.line.score, cell
            for left in reversed(row.cells[:ci]):
                part = squash(left.text)
                gap = right.x - left.right
                if (gap > 1.5 * max(left.line.height, right.line.height)
                        or not re.fullmatch(r"[\u4e00-\u9fff]+", part)
                        or any(word in compact(part) for word in stops)):
                    break
                text, score, right = part + text, min(score, left.line.score), left
            value = parse(text)
            if value and len(value) > len(fv.value):
                return FieldValue(value, round(score, 3), fv.note)
            return fv
    return fv
