"""The 考核 scheme (pure): indicators with weights and bands, parsed and checked.

A scheme is JSON: ``{"indicators": [{"key", "label", "weight", "source", "bands"}]}``.
``source`` is ``computed`` (measured from the data: see ``COMPUTED``) or ``manual``
(points a supervisor gives, with a reason, e.g. 服务态度). ``bands`` turn a computed value
into points: the first band whose ``min``/``max`` (both inclusive, either may be absent)
hold the value gives its ``points``. A manual indicator's points are given directly
(0 … ``max``, default 100). The total is the weighted mean of the items that have points,
on a scale of 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from backend.errors import DoorstepError, ErrorCode

# Computed indicators and what each measures over the month, per staff member.
COMPUTED = {
    "return_rate": "业务回退率（退回数 ÷ 提交数）",
    "handling_hours": "办理时长（走访到审核通过的小时数中位数）",
    "drill_score": "模拟演练平均得分率（%）",
    "policy_ack_on_time": "政策必知按时确认率（%）",
    "ocr_correction_rate": "识别结果改动率（%：经办人改动的识别字段占已识别字段）",
    "satisfaction": "群众满意度（%：上门和咨询评价的平均分，5 分为 100）",
    "visits_per_week": "每周完成上门数（当月排期的上门）",
    "visit_no_show_rate": "上门未遇到率（未遇到 ÷ (完成 + 未遇到)）",
}
MAX_INDICATORS = 30


@dataclass(frozen=True, slots=True)
class Band:
    points: float
    min: float | None = None
    max: float | None = None

    def holds(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    label: str
    weight: float
    source: str  # computed | manual
    bands: tuple[Band, ...] = ()
    max_points: float = 100.0


@dataclass(frozen=True, slots=True)
class Scheme:
    indicators: tuple[Indicator, ...]

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


DEFAULT_SCHEME: dict[str, Any] = {"indicators": [
    {"key": "return_rate", "label": "业务回退率", "weight": 25, "source": "computed",
     "bands": [{"max": 0.05, "points": 100}, {"max": 0.1, "points": 85},
               {"max": 0.2, "points": 70}, {"points": 50}]},
    {"key": "handling_hours", "label": "办理时长", "weight": 15, "source": "computed",
     "bands": [{"max": 24, "points": 100}, {"max": 72, "points": 80}, {"points": 60}]},
    {"key": "drill_score", "label": "模拟演练得分", "weight": 15, "source": "computed",
     "bands": [{"min": 90, "points": 100}, {"min": 75, "points": 85}, {"min": 60, "points": 70},
               {"points": 50}]},
    {"key": "policy_ack_on_time", "label": "政策必知按时确认", "weight": 10,
     "source": "computed", "bands": [{"min": 100, "points": 100}, {"min": 80, "points": 80},
                                     {"points": 50}]},
    {"key": "satisfaction", "label": "群众满意度", "weight": 15, "source": "computed",
     "bands": [{"min": 90, "points": 100}, {"min": 80, "points": 85}, {"min": 60, "points": 70},
               {"points": 50}]},
    {"key": "visits_per_week", "label": "每周上门数", "weight": 5, "source": "computed",
     "bands": [{"min": 10, "points": 100}, {"min": 5, "points": 85}, {"min": 2, "points": 70},
               {"points": 50}]},
    {"key": "visit_no_show_rate", "label": "上门未遇到率", "weight": 5, "source": "computed",
     "bands": [{"max": 0.1, "points": 100}, {"max": 0.2, "points": 85},
               {"max": 0.35, "points": 70}, {"points": 50}]},
    {"key": "service_attitude", "label": "服务态度", "weight": 10, "source": "manual",
     "max": 100},
]}


def _invalid(message: str) -> DoorstepError:
    return DoorstepError(ErrorCode.VALIDATION_FAILED, f"考核方案无效：{message}", field="scheme")


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _invalid(f"{what} 应为数字")
    return float(value)


def _optional(value: Any, what: str) -> float | None:
    return None if value is None else _number(value, what)


def _band(raw: Any, key: str) -> Band:
    if not isinstance(raw, dict) or "points" not in raw:
        raise _invalid(f"{key} 的分档应为 {{min?, max?, points}}")
    return Band(
        points=_number(raw["points"], f"{key} 的分数"),
        min=_optional(raw.get("min"), f"{key} 的下限"),
        max=_optional(raw.get("max"), f"{key} 的上限"),
    )


def _indicator(raw: Any) -> Indicator:
    if not isinstance(raw, dict):
        raise _invalid("每个指标应为 JSON 对象")
    key, label, source = raw.get("key"), raw.get("label"), raw.get("source", "computed")
    if not isinstance(key, str) or not key or len(key) > 40:
        raise _invalid("指标缺少 key")
    if not isinstance(label, str) or not label.strip():
        raise _invalid(f"指标 {key} 缺少中文名称 label")
    weight = _number(raw.get("weight"), f"{key} 的权重")
    if weight < 0:
        raise _invalid(f"{key} 的权重不能为负")
    if source == "computed":
        if key not in COMPUTED:
            raise _invalid(f"没有可计算的指标 {key}（可用：{'、'.join(COMPUTED)}）")
        bands = raw.get("bands")
        if not isinstance(bands, list) or not bands:
            raise _invalid(f"{key} 需要分档 bands")
        return Indicator(key, label.strip(), weight, source, tuple(_band(b, key) for b in bands))
    if source == "manual":
        if key in COMPUTED:
            raise _invalid(f"{key} 是计算指标，不能手工打分")
        top = _number(raw.get("max", 100), f"{key} 的满分")
        return Indicator(key, label.strip(), weight, source, (), top)
    raise _invalid(f"{key} 的来源应为 computed 或 manual")


def parse_scheme(raw: Any) -> Scheme:
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        raise _invalid('应为 {"indicators": [...]}')
    items = [_indicator(i) for i in raw["indicators"]]
    if not items or len(items) > MAX_INDICATORS:
        raise _invalid(f"指标数应为 1–{MAX_INDICATORS} 个")
    keys = [i.key for i in items]
    if len(set(keys)) != len(keys):
        raise _invalid("指标 key 重复")
    if sum(i.weight for i in items) <= 0:
        raise _invalid("权重之和应大于 0")
    return Scheme(tuple(items))
