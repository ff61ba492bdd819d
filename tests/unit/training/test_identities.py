"""Invented people and the consistent replacement of a real case's personal data (pure)."""

from __future__ import annotations

import random

from backend.training.identities import Replacer, fake_person
from backend.verification.validators import check_id_number

REAL = {"name": "张三", "id_number": "520102198503121231", "phone": "13800000000",
        "address": "贵州省贵阳市南明区某路1号", "withdrawal_reason": "07", "amount": "3000.00",
        "visit_location": "26.5,104.8", "note": "张三说周末在家"}


def test_invented_id_numbers_are_valid_and_agree_with_birth_and_sex() -> None:
    rng = random.Random(3)
    for _ in range(200):
        person = fake_person(rng)
        assert check_id_number(person.id_number).valid
        assert person.id_number[6:14] == f"{person.birth:%Y%m%d}"
        assert int(person.id_number[16]) % 2 == (1 if person.sex == "男" else 0)


def test_every_personal_value_is_replaced_the_same_way_each_time() -> None:
    replacer = Replacer(random.Random(1))
    first = replacer.fields(REAL)
    again = replacer.fields({"name": "张三", "proxy_id_number": "520102198503121231"})
    assert first["name"] != "张三"
    assert again["name"] == first["name"]
    assert again["proxy_id_number"] == first["id_number"]
    assert check_id_number(first["id_number"]).valid
    assert first["id_number"][16] in "13579"  # the same sex as the real one
    assert first["phone"] != REAL["phone"]
    assert first["address"] != REAL["address"]
    assert (first["withdrawal_reason"], first["amount"]) == ("07", "3000.00")
    assert "visit_location" not in first
    assert "note" not in first
    text = replacer.text("张三（520102198503121231）已于贵州省贵阳市南明区某路1号核实")
    assert "张三" not in text
    assert "520102198503121231" not in text
    assert first["name"] in text
