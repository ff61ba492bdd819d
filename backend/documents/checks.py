"""Checks on one document's extracted fields (spec section 5 codes), as pure functions.

Codes and numbers that fail their checksum are repaired only when exactly one likely OCR
confusion makes them valid; the repair is reported as a ``VALUE_CORRECTED`` info check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from backend.documents.fields import FieldValue
from backend.documents.quality import QualityMetrics
from backend.verification.amounts import parse_upper_amount, to_upper_amount
from backend.verification.validators import (
    USCC_ALPHABET,
    check_id_number,
    is_mobile_number,
    is_valid_id_number,
    is_valid_uscc,
    unique_correction,
)

ID_FIELDS = ("id_number", "borrower_id_number", "tenant_id_number")
FIELD_NAMES_ZH = {
    "name": "姓名", "sex": "性别", "ethnicity": "民族", "birth_date": "出生日期", "address": "住址",
    "id_number": "身份证号码", "company_name": "名称", "uscc": "统一社会信用代码",
    "company_type": "类型", "legal_representative": "法定代表人", "registered_capital": "注册资本",
    "established_date": "成立日期", "contract_number": "合同编号", "borrower_name": "借款人",
    "borrower_id_number": "借款人身份证号码", "property_address": "房屋坐落",
    "loan_amount": "借款金额", "loan_amount_upper": "借款金额（大写）", "term_months": "贷款期限",
    "annual_rate": "年利率", "repayment_method": "还款方式", "trustee_bank": "受托银行",
    "loan_account": "贷款账号", "statement_date": "打印日期",
    "last_12_months_total": "近12个月还款合计", "total_principal_paid": "已还本金合计",
    "total_interest_paid": "已还利息合计", "total_paid": "已还本息合计",
    "row_count": "还款记录条数",
    "marital_status": "婚姻状况", "issue_date": "出具日期", "issuer": "出具机关",
    "query_result": "查询结果", "has_property": "是否有房产", "unit_name": "单位名称",
    "unit_address": "单位地址", "contact_name": "经办人", "contact_phone": "联系电话",
    "unit_deposit_ratio": "单位缴存比例", "personal_deposit_ratio": "个人缴存比例",
    "employee_count": "职工人数", "payday": "发薪日", "bank": "开户银行",
    "tenant_name": "承租人", "tenant_id_number": "承租人身份证号码", "landlord_name": "出租人",
    "rental_address": "房屋地址", "monthly_rent": "月租金", "lease_start": "租赁开始日期",
    "lease_end": "租赁结束日期",
}


@dataclass(frozen=True)
class Check:
    code: str
    severity: str  # error | warning | info
    field: str | None
    message: str
    evidence: dict[str, Any] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "severity": self.severity,
                               "field": self.field, "message": self.message}
        if self.evidence:
            out["evidence"] = self.evidence
        return out


def label(name: str) -> str:
    return FIELD_NAMES_ZH.get(name, name)


def quality_checks(metrics: QualityMetrics) -> list[Check]:
    checks = []
    if metrics.blurry:
        checks.append(Check("IMAGE_BLURRY", "error", None, "照片模糊，无法可靠识别，请重新拍摄。",
                            {"softness": metrics.softness, "shake": metrics.shake,
                             "unsure_share": metrics.unsure_share, "lines": metrics.line_count}))
    if metrics.glare:
        checks.append(Check("IMAGE_GLARE", "warning", None,
                            "照片有反光，部分内容可能看不清，请避开强光重拍。",
                            {"glare_share": metrics.glare_share}))
    if metrics.low_resolution:
        checks.append(Check("IMAGE_LOW_RESOLUTION", "warning", None,
                            "照片分辨率太低，请靠近后重拍。",
                            {"text_height_px": metrics.text_height}))
    return checks


def missing_checks(missing: Sequence[str]) -> list[Check]:
    """Fields not on the page (covered, cut off, left blank); see presence.py."""
    return [Check("FIELD_MISSING", "warning", f,
                  f"照片上没有“{label(f)}”（被遮挡、裁掉或未填写），请补拍或补充材料。",
                  {"reason": "not_found"}) for f in missing]


def repair_codes(fields: dict[str, FieldValue]) -> list[Check]:
    """Validates ID numbers and credit codes in place; repairs a unique OCR confusion."""
    checks: list[Check] = []
    for name, fv in list(fields.items()):
        if name in ID_FIELDS:
            checks += _repair(fields, name, fv, is_valid_id_number, "0123456789X")
            result = check_id_number(fields[name].value)
            if not result.valid:
                checks.append(Check("ID_CHECKSUM_INVALID", "error", name,
                                    f"{label(name)}{result.problem}，请核对。",
                                    {"value": fields[name].value}))
        elif name == "uscc":
            checks += _repair(fields, name, fv, is_valid_uscc, USCC_ALPHABET)
            if not is_valid_uscc(fields[name].value):
                checks.append(Check("USCC_CHECKSUM_INVALID", "warning", name,
                                    "统一社会信用代码校验位不正确，请核对。",
                                    {"value": fields[name].value}))
    return checks


def _repair(fields: dict[str, FieldValue], name: str, fv: FieldValue,
            is_valid: Any, alphabet: str) -> list[Check]:
    if is_valid(fv.value):
        return []
    fixed = unique_correction(fv.value, is_valid, alphabet)
    if fixed is None:
        return []
    fields[name] = FieldValue(fixed, round(fv.confidence * 0.9, 3), "corrected")
    pos = next(i for i, (a, b) in enumerate(zip(fv.value, fixed, strict=True)) if a != b)
    return [Check("VALUE_CORRECTED", "info", name,
                  f"{label(name)}第{pos + 1}位识别为“{fv.value[pos]}”，按校验规则唯一可能的更正为"
                  f"“{fixed[pos]}”，请人工确认。", {"read": fv.value, "corrected": fixed})]


def amount_checks(fields: dict[str, FieldValue]) -> list[Check]:
    figures, upper = fields.get("loan_amount"), fields.get("loan_amount_upper")
    if figures is None or upper is None:
        return []
    parsed = parse_upper_amount(upper.value)
    if parsed is None or parsed == Decimal(figures.value):
        return []
    return [Check("AMOUNT_UPPER_MISMATCH", "error", "loan_amount",
                  f"借款金额大写“{upper.value}”与小写“{figures.value}”不一致。",
                  {"figures": figures.value, "upper": upper.value,
                   "figures_in_words": to_upper_amount(Decimal(figures.value))})]


def person_checks(fields: dict[str, FieldValue]) -> list[Check]:
    """Birth date and sex printed on an ID card must agree with its ID number."""
    checks: list[Check] = []
    number = fields.get("id_number")
    if number is None:
        return checks
    result = check_id_number(number.value)
    if not result.valid:
        return checks
    birth = fields.get("birth_date")
    if birth and result.birth_date and birth.value != result.birth_date.isoformat():
        checks.append(Check("ID_MISMATCH", "warning", "birth_date",
                            "出生日期与身份证号码中的出生日期不一致。",
                            {"printed": birth.value, "from_id": result.birth_date.isoformat()}))
    sex = fields.get("sex")
    if sex and result.sex and sex.value != result.sex:
        checks.append(Check("ID_MISMATCH", "warning", "sex", "性别与身份证号码不一致。",
                            {"printed": sex.value, "from_id": result.sex}))
    return checks


def phone_checks(fields: dict[str, FieldValue]) -> list[Check]:
    phone = fields.get("contact_phone")
    if phone and len(phone.value) == 11 and not is_mobile_number(phone.value):
        return [Check("PHONE_INVALID", "warning", "contact_phone", "联系电话不是有效的手机号码。",
                      {"value": phone.value})]
    return []


def date_checks(fields: dict[str, FieldValue], today: dt.date | None = None) -> list[Check]:
    """Dates in the future are misreads or forged; flag for a person to look at."""
    limit = today or dt.date.today()  # noqa: DTZ011 - a calendar date, no time zone involved
    checks = []
    for name in ("issue_date", "statement_date", "established_date", "birth_date"):
        fv = fields.get(name)
        if fv and dt.date.fromisoformat(fv.value) > limit + dt.timedelta(days=1):
            checks.append(Check("DATE_IN_FUTURE", "warning", name,
                                f"{label(name)}晚于今天，请核对。", {"value": fv.value}))
    return checks
