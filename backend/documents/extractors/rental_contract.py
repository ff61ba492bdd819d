"""房屋租赁合同."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.extractors.loan_contract import person_id
from backend.documents.fields import FieldValue, label_candidates
from backend.documents.label_words import keyword_candidates
from backend.documents.layout import Row
from backend.verification.validators import parse_date

FIELDS = ("tenant_name", "tenant_id_number", "landlord_name", "rental_address",
          "monthly_rent", "lease_start", "lease_end")

TENANT_LABELS = ("承租方（乙方）", "承租方(乙方)", "乙方（承租方）", "乙方(承租方)", "承租方",
                 "承租人", "乙方")
LANDLORD_LABELS = ("出租方（甲方）", "出租方(甲方)", "甲方（出租方）", "甲方(出租方)", "出租方",
                   "出租人", "甲方")
LEASE_LABELS = ("租赁期限", "租期", "租赁期间", "租赁时间")

RULES = (
    FieldRule("tenant_name", TENANT_LABELS, p.person_name, keywords=("承租",),
              avoid=("身份", "证件", "号码", "电话")),
    FieldRule("landlord_name", LANDLORD_LABELS, p.person_name, keywords=("出租",),
              avoid=("身份", "证件", "号码", "电话", "房屋")),
    FieldRule("rental_address", ("房屋地址", "房屋坐落", "租赁房屋地址", "出租房屋地址", "房屋位置",
                                 "坐落", "租赁地址"), p.address, multiline=True,
              keywords=("坐落", "地址", "房屋位置")),
    FieldRule("monthly_rent", ("月租金", "每月租金", "月租金额", "租金标准", "租金"), p.amount,
              keywords=("租金",)),
)
_LEASE_WORDS = ("租赁期", "租期", "起止", "租赁时间")
_OTHER_LABELS = ("身份证号", "身份证号码", "证件号码", *LEASE_LABELS, *_LEASE_WORDS)


def _two_dates(text: str) -> tuple[str, str] | None:
    found = []
    for m in re.finditer(r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?", text):
        d = parse_date(m.group(0))
        if d:
            found.append(d.isoformat())
    return (found[0], found[1]) if len(found) >= 2 else None


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    tenant_id = person_id(rows, TENANT_LABELS, ("承租", "乙方"), ("出租", "甲方"), LANDLORD_LABELS)
    if tenant_id:
        found["tenant_id_number"] = tenant_id
    lease = _lease(rows)
    if lease:
        found["lease_start"], found["lease_end"] = lease
    return Extraction(found)


def _lease(rows: Sequence[Row]) -> tuple[FieldValue, FieldValue] | None:
    """The lease's first and last day: after a lease label (listed, or any label naming
    the lease period), else the first row that gives a range of two dates (…至…)."""
    cands = [*label_candidates(rows, LEASE_LABELS, _OTHER_LABELS),
             *keyword_candidates(rows, _LEASE_WORDS, _OTHER_LABELS)]
    for cand in cands:
        text = cand.text + (rows[cand.row + 1].text if cand.row + 1 < len(rows) else "")
        dates = _two_dates(text)
        if dates:
            conf = round(cand.confidence, 3)
            return FieldValue(dates[0], conf), FieldValue(dates[1], conf)
    for row in rows:
        dates = _two_dates(row.text)
        if dates and dates[0] < dates[1] and re.search(r"至|到|—|~|－|-{1,2}\d", row.text):
            conf = round(min(c.line.score for c in row.cells) * 0.85, 3)
            return FieldValue(dates[0], conf), FieldValue(dates[1], conf)
    return None
