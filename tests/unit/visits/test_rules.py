"""Pure rules of visits: phone, dates, slots, outcomes, prefilled case fields, locations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.visits.rules import (
    DAY_CAPACITY,
    SLOT_CAPACITY,
    Outcome,
    case_fields_from_visit,
    check_capacity,
    clean_location,
    clean_moment,
    clean_outcome,
    clean_phone,
    clean_slot,
    day_order_key,
    not_in_past,
    today,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("138 0013 8000", "13800138000"),
        ("+86 139-0000-1111", "13900001111"),
        ("0851-88886666", "085188886666"),
    ],
)
def test_phone_formats_accepted(raw: str, clean: str) -> None:
    assert clean_phone(raw) == clean


@pytest.mark.parametrize("raw", ["", "12345", "23800138000", "1380013800", "abc13800138000"])
def test_unknown_phone_formats_refused_in_chinese(raw: str) -> None:
    with pytest.raises(DoorstepError) as caught:
        clean_phone(raw)
    assert caught.value.code == ErrorCode.VALIDATION_FAILED
    assert caught.value.field == "phone"
    assert "电话号码格式不正确" in caught.value.message


def test_dates_in_the_past_are_refused_by_the_centres_calendar() -> None:
    # 17:00 UTC on 1 Dec is already 2 Dec in China.
    now = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
    assert today(now) == date(2026, 12, 2)
    not_in_past("date", date(2026, 12, 2), now)
    with pytest.raises(DoorstepError) as caught:
        not_in_past("date", date(2026, 12, 1), now)
    assert caught.value.code == ErrorCode.VISIT_DATE_IN_PAST


def test_slots_and_capacity() -> None:
    assert clean_slot(None) is None
    assert clean_slot("am") == "am"
    with pytest.raises(DoorstepError):
        clean_slot("evening")
    check_capacity("am", SLOT_CAPACITY - 1, SLOT_CAPACITY - 1)
    with pytest.raises(DoorstepError) as caught:
        check_capacity("am", SLOT_CAPACITY, SLOT_CAPACITY)
    assert caught.value.code == ErrorCode.VISIT_SLOT_FULL
    with pytest.raises(DoorstepError):
        check_capacity(None, 0, DAY_CAPACITY)


def test_outcomes() -> None:
    assert clean_outcome("not_home") == Outcome.NOT_HOME
    with pytest.raises(DoorstepError) as caught:
        clean_outcome("maybe")
    assert caught.value.field == "outcome"


def test_day_order_morning_afternoon_then_unslotted() -> None:
    t = datetime(2026, 12, 1, tzinfo=UTC)
    keys = sorted(
        [(None, t), ("pm", t), ("am", t + timedelta(hours=1))], key=lambda k: day_order_key(*k)
    )
    assert [k[0] for k in keys] == ["am", "pm", None]


def test_case_fields_prefilled_by_kind() -> None:
    assert case_fields_from_visit("withdrawal", "张三", "13800138000", "钟山区1号") == {
        "name": "张三",
        "address": "钟山区1号",
        "phone": "13800138000",
    }
    unit = case_fields_from_visit("unit_registration", "某公司", "085188886666", "钟山区2号")
    assert unit == {"unit_name": "某公司", "unit_address": "钟山区2号"}  # landline: no mobile


def test_location_and_moment() -> None:
    assert clean_location(None) is None
    assert clean_location({"lat": 26.5, "lng": 104.8}) == {"lat": 26.5, "lng": 104.8}
    for bad in ({"lat": 91, "lng": 0}, {"lat": 1}, {"lat": 1, "lng": 2, "x": 3}, "26,104"):
        with pytest.raises(DoorstepError):
            clean_location(bad)
    now = datetime(2026, 12, 1, 8, tzinfo=UTC)
    assert clean_moment("at", "2026-12-01T16:00:00+08:00", now) == now
    for bad in ("2026-12-01T09:00:00", "2026-12-02T08:00:00Z", 5):
        with pytest.raises(DoorstepError):
            clean_moment("at", bad, now)
