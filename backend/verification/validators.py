"""Pure validators for the codes and numbers printed on documents.

- Resident ID numbers: GB 11643-1999 (ISO 7064 MOD 11-2 check character, real birth date,
  sex from the order code).
- Unified social credit codes: GB 32100-2015 (MOD 31 check character), whose characters
  9-17 are an organisation code checked by GB 11714-1997 (MOD 11).
- Bank card numbers (Luhn), mainland mobile numbers, dates as printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
_ID_PATTERN = re.compile(r"\d{17}[\dX]")

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
_MOBILE = re.compile(r"1[3-9]\d{9}")


def halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms (keeps Chinese)."""
    return "".join(
        unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" or c == "\u3000" else c
        for c in text
    )


def id_check_character(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


@dataclass(frozen=True)
class IdNumberCheck:
    valid: bool
    birth_date: dt.date | None
    sex: str | None  # "男" or "女"
    problem: str | None  # Chinese, for a check message


def check_id_number(value: str) -> IdNumberCheck:
    """GB 11643: 18 characters, a real birth date, and the MOD 11-2 check character."""
    v = halfwidth(value).strip().upper()
    if not _ID_PATTERN.fullmatch(v):
        return IdNumberCheck(False, None, None, "身份证号码应为17位数字加1位校验码")
    try:
        birth = dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return IdNumberCheck(False, None, None, "身份证号码中的出生日期不是有效日期")
    sex = "男" if int(v[16]) % 2 else "女"
    if birth.year < 1900:
        return IdNumberCheck(False, birth, sex, "身份证号码中的出生日期不合理")
    if id_check_character(v[:17]) != v[17]:
        return IdNumberCheck(False, birth, sex, "身份证号码校验位不正确")
    return IdNumberCheck(True, birth, sex, None)


def is_valid_id_number(value: str) -> bool:
    return check_id_number(value).valid


def uscc_check_character(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_character(first8: str) -> str:
    """GB 11714: digits count as 0-9, letters A-Z as 10-35; 10 prints as X, 11 as 0."""
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def is_valid_org_code(value: str) -> bool:
    v = halfwidth(value).replace("-", "").strip().upper()
    if not re.fullmatch(r"[0-9A-Z]{8}[0-9X]", v):
        return False
    return org_code_check_character(v[:8]) == v[8]


def is_valid_uscc(value: str) -> bool:
    """GB 32100 check character (the organisation-code part is checked separately)."""
    v = halfwidth(value).strip().upper()
    if len(v) != 18 or any(c not in USCC_ALPHABET for c in v):
        return False
    return uscc_check_character(v[:17]) == v[17]


def luhn_valid(number: str) -> bool:
    digits = re.sub(r"[\s-]", "", halfwidth(number))
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def is_mobile_number(value: str) -> bool:
    return _MOBILE.fullmatch(re.sub(r"[\s-]", "", halfwidth(value))) is not None


_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int | None:
    """二〇二六 → 2026 (digit by digit); 十七 / 二十 / 三十一 → 17 / 20 / 31."""
    if not text:
        return None
    if "十" not in text:
        if all(c in _CN_DIGITS for c in text):
            return int("".join(str(_CN_DIGITS[c]) for c in text))
        return None
    tens, _, ones = text.partition("十")
    t = _CN_DIGITS.get(tens, -1) if tens else 1
    o = _CN_DIGITS.get(ones, -1) if ones else 0
    return None if t < 0 or o < 0 else t * 10 + o


_DATE_PATTERNS = [
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
]
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                      r"([一二三四五六七八九十]{1,3})日")


def parse_date(text: str) -> dt.date | None:
    """The first real date in ``text``: 2026-09-02, 2026/9/2, 2026.09.02, 20260902,
    2026年9月2日 or 二〇二六年九月二日."""
    t = halfwidth(text)
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(t):
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    cn = _CN_DATE.search(t)
    if cn:
        y, mo, d = (_cn_number(g) for g in cn.groups())
        if y and mo and d:
            try:
                return dt.date(y, mo, d)
            except ValueError:
                return None
    return None


def normalise_date(text: str) -> str | None:
    d = parse_date(text)
    return d.isoformat() if d else None


# Characters OCR engines swap for one another; used only to repair a code that fails its
# checksum, and only when exactly one repair makes it valid.
OCR_CONFUSIONS: dict[str, str] = {
    "0": "8DOQ6", "1": "7IL4", "2": "7Z", "3": "8", "4": "1", "5": "6S8", "6": "58G0",
    "7": "12", "8": "0365B", "9": "0", "B": "8", "D": "0", "G": "6", "O": "0", "Q": "0",
    "S": "5", "Z": "2", "I": "1", "L": "1", "X": "K", "K": "X",
}


def unique_correction(
    value: str, is_valid: Callable[[str], bool], alphabet: Iterable[str] | None = None
) -> str | None:
    """The one single-character OCR repair that makes ``value`` valid, else None."""
    allowed = set(alphabet) if alphabet is not None else None
    found: set[str] = set()
    for i, c in enumerate(value):
        for alt in OCR_CONFUSIONS.get(c, ""):
            if allowed is not None and alt not in allowed:
                continue
            candidate = value[:i] + alt + value[i + 1 :]
            if is_valid(candidate):
                found.add(candidate)
    return found.pop() if len(found) == 1 else None
