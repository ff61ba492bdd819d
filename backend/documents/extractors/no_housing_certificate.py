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
from backend.documents.query_outcome import has_property

FIELDS = ("name", "id_number", "query_result", "has_property", "issue_date", "issuer")


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
