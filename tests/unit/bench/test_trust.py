"""bench/trust.py's scoring of quality signals (no OCR: recorded readings)."""

from __future__ import annotations

from typing import Any

from bench.trust import scores


def photo(name: str, glare: bool, fields: dict[str, str]) -> dict[str, Any]:
    return {"file": name, "fields": fields, "missing": [],
            "quality": {"blurry": False, "glare": glare}}


def reading(name: str, glare: bool, fields: dict[str, str]) -> dict[str, Any]:
    return {"file": name, "fields": fields, "missing": [], "device_blurry": False,
            "confidence": dict.fromkeys(fields, 0.99),
            "quality": {"blurry": False, "glare": glare}}


def test_glare_that_cost_a_field_is_counted_apart_from_glare_that_washed_nothing_out() -> None:
    truth = [photo("a.jpg", True, {"name": "李琳", "payday": "26"}),
             photo("b.jpg", True, {"name": "任梅"}),
             photo("c.jpg", True, {"payday": "15"}),
             photo("d.jpg", False, {"name": "王芳"})]
    preds = [reading("a.jpg", True, {"name": "李琳", "payday": "6"}),  # cost, found
             reading("b.jpg", False, {"name": "任梅"}),  # washed nothing out, missed
             reading("c.jpg", False, {}),  # cost (not read), missed
             reading("d.jpg", False, {"name": "王芳"})]
    result = scores(truth, preds, 0.9)
    assert result["costly_glare"] == (1, 2)
    assert result["glare"] == (1.0, 1 / 3)
