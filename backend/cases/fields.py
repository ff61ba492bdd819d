"""Case field keys and their formats (pure).

Keys follow the document types of spec section 4 where they overlap, plus the case's own
(withdrawal_reason, amount, phone, bank_account, proxy_*). Identity numbers are checked by
``backend.verification.validators`` (GB 11643 / GB 32100), never by a second copy here. A
USCC with a wrong check character is accepted: the spec makes that a warning flag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from backend.cases.status import CaseKind
from backend.documents.types import DOCUMENT_TYPES
from backend.errors import DoorstepError, ErrorCode
from backend.verification.validators import check_id_number, halfwidth, is_mobile_number

_AMOUNT = re.compile(r"(0|[1-9]\d{0,11})\.\d{2}")
_REASON = re.compile(r"\d{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_USCC_FORMAT = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")
_BANK_ACCOUNT = re.compile(r"\d{10,30}")
_RATIO = re.compile(r"\d{1,2}(\.\d{1,2})?%?")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")
_LOCATION = re.compile(r"-?\d{1,2}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?(,\d{1,6}(\.\d{1,2})?)?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MAX_TEXT = 200

DOC_TYPES = frozenset(DOCUMENT_TYPES)

PERSON_KEYS = frozenset(
    {"name", "sex", "ethnicity", "birth_date", "address", "id_number", "phone", "bank_account",
     "bank", "proxy_name", "proxy_id_number", "marital_status", "note"}
)
WITHDRAWAL_KEYS = frozenset(
    {"withdrawal_reason", "amount", "property_address", "contract_number", "loan_amount",
     "loan_account", "monthly_rent", "rental_address", "lease_start", "lease_end"}
)
UNIT_KEYS = frozenset(
    {"unit_name", "uscc", "unit_address", "company_type", "legal_representative",
     "registered_capital", "established_date", "contact_name", "contact_phone",
     "unit_deposit_ratio", "personal_deposit_ratio", "employee_count", "payday", "bank", "note"}
)
# The home visit itself, recorded by the tablet: start/end (ISO 8601), where (only with the
# person's permission: "lat,lng" or "lat,lng,accuracy_m"), and the consent signature (sha256
# of the signature PNG, uploaded and attached with docType null).
VISIT_KEYS = frozenset({"visit_started_at", "visit_ended_at", "visit_location", "signature"})
KEYS_BY_KIND = {
    CaseKind.WITHDRAWAL: PERSON_KEYS | WITHDRAWAL_KEYS | VISIT_KEYS,
    CaseKind.UNIT_REGISTRATION: UNIT_KEYS | VISIT_KEYS | frozenset({"name", "id_number", "phone"}),
}
# What submitCase needs (kept small: the verification issue adds completeness rules).
REQUIRED_BY_KIND = {
    CaseKind.WITHDRAWAL: ("name", "id_number", "withdrawal_reason"),
    CaseKind.UNIT_REGISTRATION: ("unit_name", "uscc"),
}


def _id_number(value: str) -> str | None:
    check = check_id_number(value)
    return None if check.valid else (check.problem or "身份证号码无效")


def _pattern(pattern: re.Pattern[str], problem: str) -> Callable[[str], str | None]:
    return lambda value: None if pattern.fullmatch(value) else problem


def _reason(value: str) -> str | None:
    if _REASON.fullmatch(value) and value != "00":
        return None
    return "提取原因代码应为 01–99 的两位数字"


def _mobile(value: str) -> str | None:
    return None if is_mobile_number(value) else "手机号码应为 11 位，以 13–19 开头"


FORMATS: dict[str, Callable[[str], str | None]] = {
    "id_number": _id_number,
    "proxy_id_number": _id_number,
    "withdrawal_reason": _reason,
    "amount": _pattern(_AMOUNT, "金额应为数字并保留两位小数，如 350000.00"),
    "loan_amount": _pattern(_AMOUNT, "金额应为数字并保留两位小数，如 350000.00"),
    "monthly_rent": _pattern(_AMOUNT, "金额应为数字并保留两位小数，如 1200.00"),
    "phone": _mobile,
    "contact_phone": _mobile,
    "bank_account": _pattern(_BANK_ACCOUNT, "银行账号应为 10–30 位数字"),
    "uscc": _pattern(_USCC_FORMAT, "统一社会信用代码应为 18 位数字或大写字母"),
    "birth_date": _pattern(_DATE, "日期格式应为 YYYY-MM-DD"),
    "lease_start": _pattern(_DATE, "日期格式应为 YYYY-MM-DD"),
    "lease_end": _pattern(_DATE, "日期格式应为 YYYY-MM-DD"),
    "established_date": _pattern(_DATE, "日期格式应为 YYYY-MM-DD"),
    "visit_started_at": _pattern(_TIMESTAMP, "时间格式应为 ISO 8601，如 2026-11-27T09:30:00Z"),
    "visit_ended_at": _pattern(_TIMESTAMP, "时间格式应为 ISO 8601，如 2026-11-27T09:30:00Z"),
    "visit_location": _pattern(_LOCATION, "位置应为“纬度,经度”或“纬度,经度,精度”"),
    "signature": _pattern(_SHA256, "签名应为签名图片的 SHA-256（64 位小写十六进制）"),
    "unit_deposit_ratio": _pattern(_RATIO, "缴存比例应为百分数，如 12%"),
    "personal_deposit_ratio": _pattern(_RATIO, "缴存比例应为百分数，如 12%"),
}
_NORMALISE_UPPER = frozenset({"id_number", "proxy_id_number", "uscc"})


def validate_fields(kind: CaseKind, fields: Mapping[str, Any]) -> dict[str, str | None]:
    """The fields as stored (trimmed, half-width); ``None`` clears a field.

    Raises UNKNOWN_FIELD naming the first key the kind does not have, VALIDATION_FAILED
    naming the first value that is not a string or does not fit its format.
    """
    allowed = KEYS_BY_KIND[kind]
    clean: dict[str, str | None] = {}
    for key in sorted(fields):
        if key not in allowed:
            raise DoorstepError(
                ErrorCode.UNKNOWN_FIELD, f"不认识的字段：{key}", field=key
            )
        value = fields[key]
        if value is None:
            clean[key] = None
            continue
        if not isinstance(value, str):
            raise DoorstepError(ErrorCode.VALIDATION_FAILED, f"字段 {key} 应为文字", field=key)
        text = halfwidth(value).strip()
        if key in _NORMALISE_UPPER:
            text = text.upper()
        if len(text) > _MAX_TEXT:
            raise DoorstepError(ErrorCode.VALIDATION_FAILED, f"字段 {key} 太长", field=key)
        check = FORMATS.get(key)
        problem = check(text) if check and text else None
        if problem:
            raise DoorstepError(ErrorCode.VALIDATION_FAILED, problem, field=key)
        clean[key] = text or None
    return clean


def missing_required(kind: CaseKind, fields: Mapping[str, Any]) -> list[str]:
    return [key for key in REQUIRED_BY_KIND[kind] if not fields.get(key)]


def parse_kind(value: object) -> CaseKind:
    try:
        return CaseKind(str(value))
    except ValueError:
        message = "案件类型应为 withdrawal 或 unit_registration"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="kind") from None
