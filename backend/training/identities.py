"""Invented people for drills (pure): names, ID numbers with a valid check character
(GB 11643, birth date and sex agreeing), addresses; and the consistent replacement of a
real case's personal data by invented ones (promoting a case to a drill)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from backend.verification.validators import id_check_character

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞宇浩然婷雪琳俊凯佳欣怡"
_PLACES = (("贵州省六盘水市钟山区", "520201"), ("贵州省六盘水市六枝特区", "520203"),
           ("贵州省六盘水市水城区", "520221"), ("贵州省盘州市", "520281"))
_STREETS = ("人民路", "钟山大道", "建设路", "荷泉路", "文博路", "明湖路", "水西路", "双水大道")
_ESTATES = ("丽景天城", "东湖雅苑", "凉都花园", "金色家园", "翡翠湾", "阳光小区", "锦绣华庭")

# Case fields that hold personal data, and what kind of value each is.
PERSONAL_FIELDS = {
    "name": "name", "proxy_name": "name", "spouse_name": "name", "contact_name": "name",
    "legal_representative": "name",
    "id_number": "id", "proxy_id_number": "id", "spouse_id_number": "id",
    "address": "address", "property_address": "address", "rental_address": "address",
    "unit_address": "address",
    "phone": "phone", "contact_phone": "phone", "bank_account": "account",
    "loan_account": "account", "contract_number": "account",
}
# Fields that are never copied into a drill (they identify the visit, not the case's logic).
DROPPED_FIELDS = frozenset({"visit_started_at", "visit_ended_at", "visit_location", "signature",
                            "note"})


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    sex: str
    birth: dt.date
    id_number: str
    address: str


def fake_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def fake_id_number(rng: random.Random, birth: dt.date, sex: str) -> str:
    region = rng.choice(_PLACES)[1]
    parity = (1, 3, 5, 7, 9) if sex == "男" else (0, 2, 4, 6, 8)
    seq = rng.randrange(0, 99) * 10 + rng.choice(parity)
    first = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first + id_check_character(first)


def fake_address(rng: random.Random) -> str:
    place = rng.choice(_PLACES)[0]
    return (f"{place}{rng.choice(_STREETS)}{rng.randrange(1, 400)}号{rng.choice(_ESTATES)}"
            f"{rng.randrange(1, 30)}栋{rng.randrange(1, 4)}单元{rng.randrange(1, 30)}"
            f"{rng.randrange(1, 6):02d}号")


def fake_person(rng: random.Random, sex: str | None = None) -> Person:
    sex = sex or rng.choice("男女")
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))
    return Person(fake_name(rng), sex, birth, fake_id_number(rng, birth, sex), fake_address(rng))


def _sex_of(id_number: str) -> str:
    return "男" if len(id_number) == 18 and id_number[16].isdigit() and int(id_number[16]) % 2 \
        else "女"


def _fake(kind: str, real: str, rng: random.Random) -> str:
    if kind == "name":
        return fake_name(rng)
    if kind == "id":
        return fake_person(rng, _sex_of(real)).id_number
    if kind == "address":
        return fake_address(rng)
    if kind == "phone":
        return "1" + rng.choice("3578") + "".join(str(rng.randrange(10)) for _ in range(9))
    return "".join(str(rng.randrange(10)) for _ in range(max(10, len(real))))


class Replacer:
    """Gives every real value one invented value, the same each time it is met (so a name
    on the ID card and on the certificate stay the same person in the drill)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.mapping: dict[str, str] = {}

    def value(self, kind: str, real: str) -> str:
        if real not in self.mapping:
            new = _fake(kind, real, self.rng)
            while new == real or new in self.mapping.values():
                new = _fake(kind, real, self.rng)
            self.mapping[real] = new
        return self.mapping[real]

    def fields(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The fields with each personal value replaced; visit and note fields dropped."""
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key in DROPPED_FIELDS or value is None:
                continue
            kind = PERSONAL_FIELDS.get(key)
            out[key] = self.value(kind, str(value)) if kind else value
        return out

    def text(self, text: str) -> str:
        """Free text with every known real value replaced (longest first)."""
        for real in sorted(self.mapping, key=len, reverse=True):
            text = text.replace(real, self.mapping[real])
        return text
