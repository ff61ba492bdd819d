"""Normal forms for comparing what different documents say (pure).

Photos and hand-typed fields differ in width (全角/半角), spacing and the case of an ID's
check character; comparisons use these forms, messages show the values as printed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

_SPACE = re.compile(r"\s+")
_NAME_NOISE = re.compile(
    r"[\s·•・.\-]"
)  # ethnic-minority names carry a middle dot, typed variously
_ADDRESS_NOISE = re.compile(r"[\s,，.。、;；:：()（）\-—_#/]")
_PROVINCE = re.compile(r"^[^省]{2,7}(省|自治区)")
_CITY = re.compile(r"^[^市]{2,7}市(?!场)")
_ADDRESS_SYNONYMS = (("幢", "栋"), ("室", "号"), ("单元号", "单元"))


def text(value: str | None) -> str:
    """NFKC (full-width → half-width), no whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", value or ""))


def name(value: str | None) -> str:
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", value or ""))


def id_number(value: str | None) -> str:
    return text(value).upper()


def uscc(value: str | None) -> str:
    return text(value).upper()


def address(value: str | None) -> str:
    """One key per place: no punctuation, province and city prefixes dropped, 幢 = 栋."""
    key = _ADDRESS_NOISE.sub("", unicodedata.normalize("NFKC", value or ""))
    key = _PROVINCE.sub("", key)
    key = _CITY.sub("", key)
    for variant, canonical in _ADDRESS_SYNONYMS:
        key = key.replace(variant, canonical)
    return key


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(text(value)) if value else None
    except ValueError:
        return None


def amount(value: str | None) -> Decimal | None:
    cleaned = text(value).replace(",", "").replace("元", "").lstrip("¥￥")
    if not cleaned:
        return None
    try:
        result = Decimal(cleaned)
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def percent(value: str | None) -> Decimal | None:
    return amount(text(value).rstrip("%"))


def add_months(day: date, months: int) -> date:
    """Calendar months later (or earlier); the 29th Feb + 12 months is the 28th Feb."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class Marital(StrEnum):
    """GB/T 2261.2 groups: 10 未婚, 20–23 已婚, 30 丧偶, 40 离婚, 90 未说明."""

    NEVER_MARRIED = "10"
    MARRIED = "20"
    WIDOWED = "30"
    DIVORCED = "40"
    UNKNOWN = "90"


_MARITAL_WORDS = (
    ("未婚", Marital.NEVER_MARRIED),
    ("离婚", Marital.DIVORCED),
    ("丧偶", Marital.WIDOWED),
    ("已婚", Marital.MARRIED),
    ("初婚", Marital.MARRIED),
    ("再婚", Marital.MARRIED),
    ("复婚", Marital.MARRIED),
    ("有配偶", Marital.MARRIED),
)
_MARITAL_CODES = {
    "10": Marital.NEVER_MARRIED,
    "20": Marital.MARRIED,
    "21": Marital.MARRIED,
    "22": Marital.MARRIED,
    "23": Marital.MARRIED,
    "30": Marital.WIDOWED,
    "40": Marital.DIVORCED,
    "90": Marital.UNKNOWN,
}
MARITAL_ZH = {
    Marital.NEVER_MARRIED: "未婚",
    Marital.MARRIED: "已婚",
    Marital.WIDOWED: "丧偶",
    Marital.DIVORCED: "离婚",
    Marital.UNKNOWN: "未说明",
}


def marital(value: str | None) -> Marital | None:
    """A certificate's wording or a GB/T 2261.2 code; None when it says neither."""
    cleaned = text(value)
    if cleaned in _MARITAL_CODES:
        return _MARITAL_CODES[cleaned]
    for word, status in _MARITAL_WORDS:
        if word in cleaned:
            return status
    return None


def truthy(value: str | None) -> bool | None:
    cleaned = text(value).lower()
    if cleaned in ("true", "1", "yes", "是", "有"):
        return True
    if cleaned in ("false", "0", "no", "否", "无"):
        return False
    return None
