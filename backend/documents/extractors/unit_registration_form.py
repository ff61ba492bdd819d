"""单位住房公积金缴存登记表."""

from __future__ import annotations

from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules, value_below
from backend.documents.layout import Row

FIELDS = ("unit_name", "uscc", "unit_address", "legal_representative", "contact_name",
          "contact_phone", "unit_deposit_ratio", "personal_deposit_ratio", "employee_count",
          "payday", "bank")


def _bank(text: str) -> str | None:
    t = p.leading_phrase(text)
    return t if t and ("银行" in t or "信用社" in t or "农商" in t) else None


RULES = (
    FieldRule("unit_name", ("单位名称", "缴存单位名称", "缴存单位", "单位全称"), p.free_text,
              keywords=("单位名称", "单位全称")),
    FieldRule("uscc", ("统一社会信用代码", "社会信用代码", "信用代码"), p.uscc, keywords=("代码",),
              fallback=p.uscc),
    FieldRule("unit_address", ("单位地址", "单位住所", "注册地址", "办公地址", "地址"),
              p.address, keywords=("地址", "住所")),
    FieldRule("legal_representative", ("法定代表人", "单位负责人", "负责人"), p.person_name,
              keywords=("代表", "负责人", "法人")),
    FieldRule("contact_name", ("经办人", "联系人", "经办人姓名", "专管员"), p.person_name,
              keywords=("经办", "联系人"), avoid=("电话", "手机", "身份")),
    FieldRule("contact_phone", ("联系电话", "经办人电话", "联系手机", "经办人手机", "手机号码",
                                "手机", "电话"), p.phone,
              keywords=("电话", "手机"), fallback=p.mobile),
    FieldRule("unit_deposit_ratio", ("单位缴存比例", "单位比例", "单位缴存比率"), p.ratio,
              keywords=("单位缴存", "单位比例", "单位比率")),
    FieldRule("personal_deposit_ratio", ("个人缴存比例", "职工缴存比例", "个人比例",
                                         "职工个人缴存比例", "个人缴存比率"), p.ratio,
              keywords=("个人缴存", "职工缴存", "个人比例", "个人比率")),
    FieldRule("employee_count", ("职工人数", "缴存人数", "在职人数", "职工总数", "缴存职工人数",
                                 "人数"),
              p.integer, keywords=("人数",)),
    FieldRule("payday", ("发薪日(每月)", "发薪日（每月）", "每月发薪日", "发薪日", "工资发放日"),
              p.integer, keywords=("发薪", "工资发放")),
    FieldRule("bank", ("开户银行", "缴存银行", "开户行", "受托银行"), _bank,
              keywords=("银行",)),
)
_OTHER_LABELS = ("单位性质", "邮政编码", "电子邮箱", "单位登记号", "填表日期", "单位意见")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    if "uscc" not in found:
        below = value_below(rows, ("统一社会信用代码", "信用代码"), p.uscc)
        if below:
            found["uscc"] = below
    return Extraction(found)
