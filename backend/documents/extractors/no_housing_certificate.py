"""无房证明 (不动产登记信息查询结果证明)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import (
    Extraction,
    FieldRule,
    apply_rules,
    known_labels,
    last_matching,
)
from backend.documents.extractors.marital_status_certificate import issuer, issuer_on_page
from backend.documents.fields import FieldValue
from backend.documents.layout import Row

FIELDS = ("name", "id_number", "query_result", "has_property", "issue_date", "issuer")

_NONE_FOUND = re.compile(r"未发现|未查询到|未查到|未查见|查无|暂无|没有|不存在|"
                         r"无[^。，,；;]{0,12}(登记|房|不动产|记录|信息)")
# a count of properties: 有不动产登记记录1条, 登记有住房2套, 查询到房屋登记信息1处
_COUNTED = re.compile(r"(有|查询到|查到|存在)[^。，,；;无未没]{0,14}?"
                      r"(\d+|[一二两三四五六七八九十])\s*(条|套|处|宗|栋|间)")
_CN_DIGITS = "零一二三四五六七八九十"


def has_property(result: str) -> bool:
    """Whether a query result reports a property: a count says it (…1条 yes even if a
    later clause says no to something else, as in …1条，无查封记录; 0套 no); otherwise a phrase of
    absence (未发现, 无…登记, 没有, 查无) says no; anything else is read as yes (a reading
    that cannot show absence must not clear the applicant)."""
    t = re.sub(r"\s+", "", result)
    counted = _COUNTED.search(t)
    if counted:
        n = counted.group(2)
        count = int(n) if n.isdigit() else _CN_DIGITS.index(n) if n in _CN_DIGITS else 2
        return count > 0
    return _NONE_FOUND.search(t) is None


def _result(text: str) -> str | None:
    t = re.sub(r"\s+", "", text)
    return t if re.search(r"查询|登记|房|记录", t) else None


RULES = (
    FieldRule("name", ("查询申请人", "申请人", "权利人", "姓名", "被查询人"), p.person_name,
              keywords=("姓名", "申请人", "查询人", "查询对象", "权利人"),
              avoid=("身份", "证件", "号码")),
    FieldRule("id_number", ("证件号码", "公民身份号码", "身份证号码", "身份证号"), p.id_number,
              fallback=p.id_number),
    FieldRule("query_result", ("查询结果", "查询结论"), _result, multiline=True,
              keywords=("结果", "结论", "查询情况", "核查情况")),
    FieldRule("issue_date", ("出具日期", "查询日期", "开具日期", "打印日期", "查询时间",
                             "出具时间"),
              p.date, keywords=("日期",), avoid=("有效",)),
    FieldRule("issuer", ("出具机关", "出具单位", "查询机构", "查询单位"), issuer,
              keywords=("机关", "机构", "单位")),
)
_OTHER_LABELS = ("证件类型", "查询目的", "查询范围", "查询编号", "说明")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    if "query_result" in found:
        r = found["query_result"]
        found["has_property"] = FieldValue(
            "true" if has_property(r.value) else "false", r.confidence)
    if "issue_date" not in found:
        date = last_matching(rows, p.date, exclude=("有效",))
        if date:
            found["issue_date"] = date
    office = issuer_on_page(rows, found.get("issuer"), known_labels(RULES, _OTHER_LABELS))
    if office is not None:
        found["issuer"] = office
    return Extraction(found)
