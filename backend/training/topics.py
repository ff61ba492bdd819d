"""What each scored item is called and which knowledge article explains it (pure)."""

from __future__ import annotations

FLAG_LABELS = {
    "FIELD_MISSING": "字段缺失",
    "DOCUMENT_MISSING": "材料缺失",
    "ID_CHECKSUM_INVALID": "身份证号校验失败",
    "ID_MISMATCH": "身份信息不一致",
    "USCC_CHECKSUM_INVALID": "信用代码校验失败",
    "MARITAL_STATUS_REVERSED": "婚姻状况反转",
    "MARITAL_STATUS_CHANGED_RECENTLY": "近期婚姻状况变更",
    "CERTIFICATE_EXPIRED": "证明已过期",
    "PROPERTY_FOUND": "名下有房",
    "PROPERTY_REUSED": "房产重复使用",
    "IMAGE_REUSED": "照片重复使用",
    "AMOUNT_EXCEEDS_LIMIT": "金额超限",
    "WITHDRAWAL_TOO_SOON": "提取间隔不足",
    "DEPOSIT_RATIO_OUT_OF_RANGE": "缴存比例超出范围",
}
FLAG_RULES = {
    "DOCUMENT_MISSING": "该提取原因规定的材料未提供齐全，应退回补充。",
    "ID_MISMATCH": "各材料上的姓名、身份证号码须与申请人身份证一致。",
    "MARITAL_STATUS_REVERSED": "曾登记为已婚或离异的职工，现证明为未婚，属婚姻状况反转，须核实。",
    "CERTIFICATE_EXPIRED": "无房证明等证明材料自出具之日起有有效期，过期须重新开具。",
    "AMOUNT_EXCEEDS_LIMIT": "申请提取金额超过政策规定的限额。",
    "PROPERTY_FOUND": "不动产查询结果显示名下有房，不符合租房提取条件。",
    "ID_CHECKSUM_INVALID": "身份证号码校验位不正确（GB 11643）。",
}
FIELD_LABELS = {
    "name": "姓名",
    "id_number": "身份证号码",
    "withdrawal_reason": "提取原因",
    "amount": "提取金额",
    "marital_status": "婚姻状况",
    "address": "住址",
    "rental_address": "租赁房屋地址",
    "monthly_rent": "月租金",
}
FLAG_ARTICLES = {
    "DOCUMENT_MISSING": "withdrawal-12-common-materials",
    "ID_MISMATCH": "field-03-identity-check",
    "ID_CHECKSUM_INVALID": "field-03-identity-check",
    "MARITAL_STATUS_REVERSED": "other-03-marital-status",
    "MARITAL_STATUS_CHANGED_RECENTLY": "other-03-marital-status",
    "CERTIFICATE_EXPIRED": "withdrawal-12-common-materials",
    "PROPERTY_FOUND": "withdrawal-07-rent",
    "AMOUNT_EXCEEDS_LIMIT": "withdrawal-11-limits",
    "WITHDRAWAL_TOO_SOON": "withdrawal-11-limits",
    "IMAGE_REUSED": "other-01-fraud",
    "PROPERTY_REUSED": "other-01-fraud",
}
FIELD_ARTICLES = {
    "name": "field-03-identity-check",
    "id_number": "field-03-identity-check",
    "address": "field-03-identity-check",
    "marital_status": "other-03-marital-status",
    "withdrawal_reason": "withdrawal-00-overview",
    "amount": "withdrawal-11-limits",
    "rental_address": "withdrawal-07-rent",
    "monthly_rent": "withdrawal-07-rent",
}
DECISION_ARTICLE = "withdrawal-00-overview"
DECISION_LABELS = {"APPROVE": "通过", "RETURN": "退回"}


def flag_label(code: str) -> str:
    return FLAG_LABELS.get(code, code)


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def topic_label(kind: str, key: str) -> str:
    """「证明已过期」 for a flag, 「身份证号码」 for a field, 「审核结论」 for the decision."""
    if kind == "flag":
        return flag_label(key)
    if kind == "field":
        return field_label(key)
    return "审核结论"
