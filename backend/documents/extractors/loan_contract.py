"""个人住房公积金借款合同."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.fields import FieldValue, label_candidates
from backend.documents.layout import Row

FIELDS = ("contract_number", "borrower_name", "borrower_id_number", "property_address",
          "loan_amount", "loan_amount_upper", "term_months", "annual_rate",
          "repayment_method", "trustee_bank")

BORROWER_LABELS = ("借款人（乙方）", "借款人(乙方)", "乙方（借款人）", "乙方(借款人)", "借款人",
                   "借款申请人")


def _bank(text: str) -> str | None:
    t = p.leading_phrase(text)
    if t and re.search(r"银行|信用社|农商|合作联社", t):
        return t
    return None


def _method(text: str) -> str | None:
    t = p.leading_phrase(text)
    return t if t and re.search(r"等额|本息|本金|一次|按月|按季", t) else None


RULES = (
    FieldRule("contract_number", ("合同编号", "合同号", "编号"), p.code),
    FieldRule("borrower_name", BORROWER_LABELS, p.person_name),
    FieldRule("property_address", ("房屋坐落", "房屋地址", "房产坐落", "房产地址", "抵押房屋地址",
                                   "购房地址", "坐落"), p.free_text, multiline=True),
    FieldRule("loan_amount", ("借款金额（小写）", "贷款金额（小写）", "借款金额(小写)",
                              "贷款金额(小写)", "借款金额", "贷款金额", "借款本金"), p.amount),
    FieldRule("loan_amount_upper", ("借款金额（大写）", "贷款金额（大写）", "借款金额(大写)",
                                    "贷款金额(大写)", "借款金额", "贷款金额", "大写"),
              p.upper_amount),
    FieldRule("term_months", ("贷款期限", "借款期限", "期限"), p.months),
    FieldRule("annual_rate", ("年利率", "贷款年利率", "借款年利率", "贷款利率", "利率"), p.percent),
    FieldRule("repayment_method", ("还款方式",), _method),
    FieldRule("trustee_bank", ("受托银行（丙方）", "受托银行(丙方)", "受托银行", "受托人",
                               "丙方（受托银行）", "丙方"), _bank),
)
_OTHER_LABELS = ("贷款人", "身份证号码", "身份证号", "证件号码", "建筑面积", "签订日期")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    id_value = id_near(rows, BORROWER_LABELS)
    if id_value:
        found["borrower_id_number"] = id_value
    return Extraction(found)


def id_near(rows: Sequence[Row], person_labels: Sequence[str]) -> FieldValue | None:
    """The ID number printed with a person: on the person's row or the next two."""
    for cand in label_candidates(rows, person_labels):
        for row in rows[cand.row : cand.row + 3]:
            for cell in row.cells:
                value = p.id_number(cell.text)
                if value:
                    return FieldValue(value, round(cell.line.score, 3))
    return None
