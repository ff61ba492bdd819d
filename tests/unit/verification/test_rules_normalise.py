"""Normal forms the rules compare with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.verification import normalise
from backend.verification.normalise import Marital


def test_names_ignore_width_spaces_and_middle_dots() -> None:
    assert normalise.name(" 张 伟 ") == normalise.name("张伟")
    assert normalise.name("阿依古丽·买买提") == normalise.name("阿依古丽•买买提")
    assert normalise.name("张伟") != normalise.name("张玮")


def test_id_numbers_ignore_width_and_case_of_x() -> None:
    assert normalise.id_number("52020419800101002x") == "52020419800101002X"
    assert normalise.id_number("５２０２０４１９８００１０１００２Ｘ") == "52020419800101002X"


@pytest.mark.parametrize(
    "variant",
    [
        "贵州省六盘水市钟山区钟山西路363号1栋3单元1301号",
        "六盘水市钟山区钟山西路363号1栋3单元1301号",
        "钟山区钟山西路３６３号１幢３单元１３０１室",
        "钟山区 钟山西路363号，1栋-3单元-1301号",
    ],
)
def test_one_address_written_many_ways_has_one_key(variant: str) -> None:
    assert normalise.address(variant) == "钟山区钟山西路363号1栋3单元1301号"


def test_different_flats_keep_different_keys() -> None:
    assert normalise.address("钟山区钟山西路363号1栋3单元1301号") != normalise.address(
        "钟山区钟山西路363号1栋3单元1302号"
    )


@pytest.mark.parametrize(
    ("printed", "status"),
    [
        ("未婚", Marital.NEVER_MARRIED),
        ("10", Marital.NEVER_MARRIED),
        ("已婚", Marital.MARRIED),
        ("初婚", Marital.MARRIED),
        ("22", Marital.MARRIED),
        ("有配偶", Marital.MARRIED),
        ("离婚", Marital.DIVORCED),
        ("40", Marital.DIVORCED),
        ("丧偶", Marital.WIDOWED),
        ("90", Marital.UNKNOWN),
        ("", None),
        ("无法辨认", None),
    ],
)
def test_marital_wording_and_gb_codes(printed: str, status: Marital | None) -> None:
    assert normalise.marital(printed) == status


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("350,000.00", Decimal("350000.00")),
        ("￥1200.5元", Decimal("1200.5")),
        ("", None),
        ("一万", None),
        ("NaN", None),
    ],
)
def test_amounts_as_printed(printed: str, value: Decimal | None) -> None:
    assert normalise.amount(printed) == value


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 11, 15), 3, date(2026, 2, 15)),
        (date(2026, 3, 2), -12, date(2025, 3, 2)),
    ],
)
def test_calendar_months_clip_to_the_end_of_shorter_months(
    start: date, months: int, expected: date
) -> None:
    assert normalise.add_months(start, months) == expected
