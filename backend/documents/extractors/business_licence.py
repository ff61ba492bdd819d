"""营业执照."""

from __future__ import annotations

from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules, value_below
from backend.documents.layout import Row

FIELDS = ("company_name", "uscc", "company_type", "legal_representative",
          "registered_capital", "established_date", "address")

RULES = (
    FieldRule("company_name", ("名称", "企业名称", "单位名称", "公司名称", "市场主体名称"),
              p.free_text, keywords=("名称",)),
    FieldRule("uscc", ("统一社会信用代码", "社会信用代码", "信用代码"), p.uscc, keywords=("代码",),
              fallback=p.uscc),
    FieldRule("company_type", ("类型", "企业类型", "主体类型", "公司类型"), p.free_text,
              keywords=("类型", "性质")),
    FieldRule("legal_representative", ("法定代表人", "负责人", "经营者", "执行事务合伙人"),
              p.person_name, keywords=("代表", "负责人", "法人")),
    FieldRule("registered_capital", ("注册资本", "注册资金", "出资额"), p.capital,
              keywords=("资本", "资金")),
    FieldRule("established_date", ("成立日期", "注册日期", "成立时间", "设立日期"), p.date,
              keywords=("成立", "设立", "注册日期")),
    FieldRule("address", ("住所", "营业场所", "经营场所", "地址", "主要经营场所", "注册地址",
                           "经营地址"), p.address,
              multiline=True, keywords=("住所", "场所", "地址")),
)
_OTHER_LABELS = ("经营范围", "营业期限", "登记机关", "发照日期")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    if "uscc" not in found:
        # The code is usually printed under its caption, not beside it.
        below = value_below(rows, ("统一社会信用代码", "信用代码"), p.uscc)
        if below:
            found["uscc"] = below
    return Extraction(found)
