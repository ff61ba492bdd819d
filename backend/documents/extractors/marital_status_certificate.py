"""婚姻状况证明 (婚姻登记记录证明)."""

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
from backend.documents.fields import FieldValue
from backend.documents.layout import Row
from backend.documents.office_names import joined_with_left, marked_if_repaired, repair_issuer_name

_BODY_DATES_WORDS = ("登记", "结婚", "离婚", "出生", "有效")
FIELDS = ("name", "id_number", "marital_status", "issue_date", "issuer")
STATUSES = ("未婚", "已婚", "离婚", "丧偶", "初婚", "再婚", "复婚")


def _status(text: str) -> str | None:
    m = re.search("|".join(STATUSES), text)
    return m.group(0) if m else None


def issuer(text: str) -> str | None:
    """An issuing office: a name ending in 登记处/民政局/登记中心/… (office words and
    place names misread under the seal repaired first)."""
    t = repair_issuer_name(re.sub(r"\s+", "", text))
    m = re.search(r"[\u4e00-\u9fff（）()]{3,}?(婚姻登记处|登记处|民政局|登记中心|管理中心|服务中心|"
                  r"不动产登记局|自然资源局|住房和城乡建设局|局|中心)$", t)
    return m.group(0) if m else None


RULES = (
    FieldRule("name", ("姓名", "当事人", "申请人", "持证人"), p.person_name,
              keywords=("姓名", "当事人"), avoid=("身份", "证件")),
    FieldRule("id_number", ("公民身份号码", "身份证号码", "身份证号", "证件号码"), p.id_number,
              fallback=p.id_number),
    FieldRule("marital_status", ("婚姻状况", "婚姻状态"), _status, keywords=("婚姻",),
              pattern=r"婚姻状况为(未婚|已婚|离婚|丧偶)"),
    FieldRule("issue_date", ("出具日期", "开具日期", "证明日期", "签发日期", "出具时间"), p.date,
              keywords=("日期",), avoid=_BODY_DATES_WORDS),
    FieldRule("issuer", ("出具机关", "出具单位", "证明机关", "证明单位", "登记机关"), issuer,
              keywords=("机关", "单位")),
)
_OTHER_LABELS = ("性别", "登记日期", "出生日期")


def issuer_on_page(rows: Sequence[Row], by_label: FieldValue | None,
                   stops: Sequence[str]) -> FieldValue | None:
    """The issuing office: by its label, else the last office name in the page's lower
    part; read whole when OCR boxed it as several cells, and noted when repaired."""
    office = by_label if by_label is not None else last_matching(rows, issuer, below=0.6)
    if office is None:
        return None
    return marked_if_repaired(joined_with_left(office, rows, issuer, stops), rows)
# Dates in the body belong to registrations, not to the certificate.
_BODY_DATES = ("登记日期", "结婚日期", "离婚日期", "出生日期", "有效期")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    if "issue_date" not in found:
        date = last_matching(rows, p.date, exclude=_BODY_DATES)
        if date:
            found["issue_date"] = date
    office = issuer_on_page(rows, found.get("issuer"), known_labels(RULES, _OTHER_LABELS))
    if office is not None:
        found["issuer"] = office
    return Extraction(found)
