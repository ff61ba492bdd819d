"""居民身份证 (front side)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.layout import Row

FIELDS = ("name", "sex", "ethnicity", "birth_date", "address", "id_number")


def _sex(text: str) -> str | None:
    m = re.match(r"\s*[:：]?\s*([男女])", text)
    return m.group(1) if m else None


def _ethnicity(text: str) -> str | None:
    m = re.match(r"\s*[:：]?\s*([\u4e00-\u9fff]{1,5}?)(族)?(?:出生|$|\s)", text + " ")
    return m.group(1) if m and m.group(1) in p.ETHNIC_GROUPS else None


RULES = (
    FieldRule("name", ("姓名",), p.person_name),
    FieldRule("sex", ("性别",), _sex, pattern=r"性别[:：]?([男女])"),
    FieldRule("ethnicity", ("民族",), _ethnicity, pattern=r"民族[:：]?([\u4e00-\u9fff]{1,5})"),
    FieldRule("birth_date", ("出生", "出生日期"), p.date),
    FieldRule("address", ("住址", "地址"), p.address_text, multiline=True),
    FieldRule("id_number", ("公民身份号码", "身份证号码", "身份号码"), p.id_number,
              fallback=p.id_number),
)


def extract(rows: Sequence[Row]) -> Extraction:
    return Extraction(apply_rules(rows, RULES))
