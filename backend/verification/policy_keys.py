"""Every key of the policy table: how its value is checked and its seeded default.

Local rules live in the versioned table, never in code; these defaults are only the first
rows (``seed_default_policy``) and what a missing key falls back to. Each default says in
its source note whether it is a published rule or our assumption to be confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from backend.documents.types import DOCUMENT_TYPES
from backend.errors import DoorstepError, ErrorCode

WITHDRAWAL_REASONS = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "99")
REASON_ZH = {
    "01": "购买住房",
    "02": "建造、翻建、大修自住住房",
    "03": "离休、退休",
    "04": "完全丧失劳动能力并终止劳动关系",
    "05": "户口迁出或出境定居",
    "06": "偿还购房贷款本息",
    "07": "租房",
    "08": "死亡",
    "09": "大病医疗",
    "99": "其他",
}
ASSUMED = "假设（待中心确认）："


def _invalid(key: str, why: str) -> DoorstepError:
    return DoorstepError(ErrorCode.VALIDATION_FAILED, f"策略值 {key} 无效：{why}", field="value")


def _doc_types(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(v in DOCUMENT_TYPES for v in value):
        raise _invalid(key, '应为材料类型列表，如 ["id_card"]')
    return tuple(value)


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _invalid(key, "应为字段名列表")
    return tuple(value)


def _reasons(key: str, value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(v in WITHDRAWAL_REASONS for v in value):
        raise _invalid(key, '应为提取原因代码列表，如 ["07"]')
    return frozenset(value)


def _count(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36_500:
        raise _invalid(key, "应为不小于 0 的整数")
    return value


def _decimal(key: str, value: Any) -> Decimal:
    try:
        number = Decimal(str(value)) if isinstance(value, str | int) else None
    except InvalidOperation:
        number = None
    if number is None or isinstance(value, bool) or not number.is_finite() or number < 0:
        raise _invalid(key, '应为不小于 0 的数字（文字），如 "12.00"')
    return number


def _optional_decimal(key: str, value: Any) -> Decimal | None:
    return None if value is None else _decimal(key, value)


@dataclass(frozen=True, slots=True)
class KeySpec:
    key: str
    parse: Callable[[str, Any], Any]  # raises VALIDATION_FAILED
    default: Any  # JSON value
    source: str
    description: str


_NATIONAL = "《住房公积金管理条例》及建金管〔2005〕5号"
_MATERIALS: dict[str, list[str]] = {
    "01": ["id_card", "marital_status_certificate"],
    "02": ["id_card", "marital_status_certificate"],
    "03": ["id_card"],
    "04": ["id_card"],
    "05": ["id_card"],
    "06": ["id_card", "loan_contract", "repayment_statement", "marital_status_certificate"],
    "07": ["id_card", "rental_contract", "no_housing_certificate", "marital_status_certificate"],
    "08": ["id_card"],
    "09": ["id_card"],
    "99": ["id_card"],
}
_INTERVALS = {
    "01": 12,
    "02": 12,
    "03": 0,
    "04": 0,
    "05": 0,
    "06": 12,
    "07": 3,
    "08": 0,
    "09": 12,
    "99": 12,
}
_CAPS: dict[str, str | None] = dict.fromkeys(WITHDRAWAL_REASONS) | {"07": "12000.00"}


def _specs() -> list[KeySpec]:
    specs = [
        KeySpec(
            f"materials.withdrawal.{reason}",
            _doc_types,
            docs,
            ASSUMED + "按常见提取要件整理；购房合同、发票、病历等不在系统材料类型内，未列入",
            f"提取原因 {reason}（{REASON_ZH[reason]}）须提交的材料",
        )
        for reason, docs in _MATERIALS.items()
    ]
    specs += [
        KeySpec(
            "materials.unit_registration",
            _doc_types,
            ["business_licence", "id_card", "unit_registration_form"],
            "单位缴存登记常见要件（营业执照、法定代表人身份证、登记表）；"
            + ASSUMED
            + "经办人身份证未单列",
            "单位缴存登记须提交的材料",
        ),
        KeySpec(
            "required_fields.withdrawal",
            _strings,
            ["name", "id_number", "phone", "withdrawal_reason", "amount", "bank_account"],
            "提取业务必填项（标准204008）",
            "提取案件必须填写的字段",
        ),
        KeySpec(
            "required_fields.withdrawal.proxy",
            _strings,
            ["proxy_name", "proxy_id_number"],
            "代理人办理须登记代理人姓名和证件号码",
            "由代理人办理时必须填写的字段",
        ),
        KeySpec(
            "required_fields.unit_registration",
            _strings,
            [
                "unit_name",
                "uscc",
                "unit_address",
                "legal_representative",
                "contact_name",
                "contact_phone",
                "unit_deposit_ratio",
                "personal_deposit_ratio",
            ],
            "JGJ/T 320-2014 单位开户信息",
            "单位缴存登记案件必须填写的字段",
        ),
        KeySpec(
            "deposit_ratio.min_percent",
            _decimal,
            "5.00",
            _NATIONAL + "：缴存比例不低于5%",
            "单位、个人缴存比例下限（%）",
        ),
        KeySpec(
            "deposit_ratio.max_percent",
            _decimal,
            "12.00",
            _NATIONAL + "：原则上不高于12%",
            "单位、个人缴存比例上限（%）",
        ),
        KeySpec(
            "certificate_validity_days.no_housing_certificate",
            _count,
            30,
            ASSUMED + "无房证明自出具之日起30日内有效",
            "无房证明有效天数",
        ),
        KeySpec(
            "certificate_validity_days.marital_status_certificate",
            _count,
            90,
            ASSUMED + "婚姻状况证明自出具之日起90日内有效",
            "婚姻状况证明有效天数",
        ),
        KeySpec(
            "recent_divorce_days",
            _count,
            365,
            ASSUMED + "离婚未满一年视为近期变更，需人工核实",
            "“近期离婚”窗口（天）",
        ),
        KeySpec(
            "property_reuse_months",
            _count,
            12,
            "各中心公布的骗提情形：同一套住房12个月内两次及以上提取",
            "同一住房重复用于提取的时间窗口（月）",
        ),
        KeySpec(
            "no_property_reasons",
            _reasons,
            ["07"],
            "租房提取要求在本市无自有住房",
            "要求申请人名下无房的提取原因",
        ),
    ]
    specs += [
        KeySpec(
            f"withdrawal_interval_months.{reason}",
            _count,
            months,
            ASSUMED
            + (
                "销户类提取，无再次提取间隔" if months == 0 else f"同一原因每{months}个月可提取一次"
            ),
            f"提取原因 {reason} 两次提取的最短间隔（月，0 为不限）",
        )
        for reason, months in _INTERVALS.items()
    ]
    specs += [
        KeySpec(
            f"amount_cap.{reason}",
            _optional_decimal,
            cap,
            ASSUMED
            + ("每次租房提取不超过12000元" if cap else "无单独上限（以余额和证明材料为限）"),
            f"提取原因 {reason} 每次提取金额上限（元，null 为不设）",
        )
        for reason, cap in _CAPS.items()
    ]
    return specs


KEY_SPECS: dict[str, KeySpec] = {spec.key: spec for spec in _specs()}


def parse_value(key: str, value: Any) -> Any:
    """The typed value of a key; UNKNOWN_FIELD / VALIDATION_FAILED for what cannot be."""
    spec = KEY_SPECS.get(key)
    if spec is None:
        raise DoorstepError(ErrorCode.UNKNOWN_FIELD, f"没有这个策略项：{key}", field="key")
    return spec.parse(key, value)
