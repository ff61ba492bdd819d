"""The 考核 scheme and a month's row under it (pure)."""

from __future__ import annotations

import pytest

from backend.assessment.scheme import DEFAULT_SCHEME, parse_scheme
from backend.assessment.scoring import on_time_share, return_rate, score_month
from backend.errors import DoorstepError

SCHEME = {"indicators": [
    {"key": "return_rate", "label": "业务回退率", "weight": 60, "source": "computed",
     "bands": [{"max": 0.1, "points": 100}, {"max": 0.3, "points": 60}, {"points": 0}]},
    {"key": "drill_score", "label": "模拟演练得分", "weight": 20, "source": "computed",
     "bands": [{"min": 80, "points": 100}, {"points": 40}]},
    {"key": "service_attitude", "label": "服务态度", "weight": 20, "source": "manual", "max": 10},
]}


def test_each_value_takes_the_points_of_its_band_and_the_total_is_weighted() -> None:
    scheme = parse_scheme(SCHEME)
    row = score_month(scheme, {"return_rate": 0.25, "drill_score": 85.0},
                      {"service_attitude": 9})
    assert [(i.key, i.value, i.points) for i in row.items] == [
        ("return_rate", 0.25, 60), ("drill_score", 85.0, 100), ("service_attitude", 9, 90)]
    assert row.total == round((60 * 60 + 100 * 20 + 90 * 20) / 100, 2)


def test_items_without_data_are_left_out_of_the_total() -> None:
    row = score_month(parse_scheme(SCHEME), {"return_rate": 0.05}, {})
    assert [i.points for i in row.items] == [100, None, None]
    assert row.total == 100.0
    assert score_month(parse_scheme(SCHEME), {}, {}).total is None


def test_band_edges_are_inclusive_and_a_value_outside_every_band_gets_zero() -> None:
    scheme = parse_scheme({"indicators": [
        {"key": "return_rate", "label": "回退", "weight": 1,
         "bands": [{"max": 0.1, "points": 9}]}]})
    assert score_month(scheme, {"return_rate": 0.1}, {}).items[0].points == 9
    assert score_month(scheme, {"return_rate": 0.5}, {}).items[0].points == 0


def test_rates() -> None:
    assert return_rate(8, 2) == 0.25
    assert return_rate(0, 1) is None
    assert on_time_share(4, 3) == 75.0
    assert on_time_share(0, 0) is None


@pytest.mark.parametrize("broken", [
    {}, {"indicators": []},
    {"indicators": [{"key": "nope", "label": "x", "weight": 1, "bands": [{"points": 1}]}]},
    {"indicators": [{"key": "return_rate", "label": "x", "weight": 1}]},
    {"indicators": [{"key": "return_rate", "label": "", "weight": 1, "bands": [{"points": 1}]}]},
    {"indicators": [{"key": "return_rate", "label": "x", "weight": -1, "bands": [{"points": 1}]}]},
    {"indicators": [{"key": "a", "label": "x", "weight": 1, "source": "manual"},
                    {"key": "a", "label": "y", "weight": 1, "source": "manual"}]},
    {"indicators": [{"key": "return_rate", "label": "x", "weight": 1, "source": "manual"}]},
])
def test_a_broken_scheme_is_refused_with_a_reason(broken: object) -> None:
    with pytest.raises(DoorstepError) as raised:
        parse_scheme(broken)
    assert raised.value.field == "scheme"
    assert raised.value.message.startswith("考核方案无效")


def test_the_default_scheme_parses() -> None:
    assert {i.key for i in parse_scheme(DEFAULT_SCHEME).indicators} >= {
        "return_rate", "handling_hours", "drill_score", "policy_ack_on_time", "service_attitude",
        "satisfaction", "visits_per_week", "visit_no_show_rate"}
    assert sum(i.weight for i in parse_scheme(DEFAULT_SCHEME).indicators) == 100
