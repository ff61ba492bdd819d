"""个人住房公积金借款合同."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backend.documents import parsers as p
from backend.documents.extractors.base import Extraction, FieldRule, apply_rules
from backend.documents.fields import FieldValue, compact, label_candidates
from backend.documents.layout import Row

FIELDS = ("contract_number", "borrower_name", "borrower_id_number", "property_address",
          "loan_amount", "loan_amount_upper", "term_months", "annual_rate",
          "repayment_method", "trustee_bank")

BORROWER_LABELS = ("借款人（乙方）", "借款人(乙方)", "乙方（借款人）", "乙方(借款人)", "借款人",
                   "借款申请人", "主借款人")


def _bank(text: str) -> str | None:
    t = p.leading_phrase(text)
    if t and re.search(r"银行|信用社|农商|合作联社", t):
        return t
    return None


def _method(text: str) -> str | None:
    t = p.leading_phrase(text)
    if not t or not re.search(r"等额|本息|本金|一次|按月|按季", t):
        return None
    # one method named is that method: a noisy gap before 等额本金 was read as ☑ at 0.997
    # (unseen seed 10001); a phrase naming several (a list of boxes to tick) stays as read
    named = p.repayment_methods_named(t)
    return named[0] if len(named) == 1 else t


RULES = (
    FieldRule("contract_number", ("合同编号", "合同号码", "合同号", "编号"), p.code,
              keywords=("编号", "合同号")),
    FieldRule("borrower_name", BORROWER_LABELS, p.person_name, keywords=("借款人", "借款申请人"),
              avoid=("身份", "证件", "号码")),
    FieldRule("property_address", ("房屋坐落", "房屋地址", "房产坐落", "房产地址", "抵押房屋地址",
                                   "所购房屋地址", "购房地址", "抵押物地址", "房屋位置", "坐落"),
              p.address, multiline=True, keywords=("坐落", "地址", "房屋位置")),
    FieldRule("loan_amount", ("借款金额（小写）", "贷款金额（小写）", "借款金额(小写)",
                              "贷款金额(小写)", "借款金额", "贷款金额", "借款本金", "贷款本金",
                              "贷款额度"),
              p.amount, keywords=("金额", "本金"), avoid=("大写",)),
    FieldRule("loan_amount_upper", ("借款金额（大写）", "贷款金额（大写）", "借款金额(大写)",
                                    "贷款金额(大写)", "大写金额", "金额（大写）", "金额(大写)",
                                    "借款金额", "贷款金额", "大写"),
              p.upper_amount, keywords=("大写", "金额"), fallback=p.upper_amount),
    FieldRule("term_months", ("贷款期限", "借款期限", "贷款年限", "借款年限", "期限", "年限"),
              p.months, keywords=("期限", "年限", "期数")),
    FieldRule("annual_rate", ("年利率", "贷款年利率", "借款年利率", "执行年利率", "贷款利率",
                              "执行利率", "利率"), p.percent, keywords=("利率",),
              fallback=p.percent),
    FieldRule("repayment_method", ("还款方式", "还款方法"), _method,
              keywords=("还款方", "偿还方", "还本付息方"), fallback=p.repayment_method),
    FieldRule("trustee_bank", ("受托银行（丙方）", "受托银行(丙方)", "受托银行", "受托人",
                               "丙方（受托银行）", "丙方"), _bank, keywords=("银行",)),
)
_OTHER_LABELS = ("贷款人", "身份证号码", "身份证号", "证件号码", "建筑面积", "签订日期")


def extract(rows: Sequence[Row]) -> Extraction:
    found = apply_rules(rows, RULES, _OTHER_LABELS)
    # The lender and the bank are organisations: the only ID number is the borrower's.
    id_value = person_id(rows, BORROWER_LABELS, BORROWER_WORDS, NOT_BORROWER_WORDS, sole=True)
    if id_value:
        found["borrower_id_number"] = id_value
    return Extraction(found)


ID_LABELS = ("公民身份号码", "身份证号码", "身份证号", "证件号码", "身份号码")
BORROWER_WORDS = ("借款人", "借款申请人", "乙方")
NOT_BORROWER_WORDS = ("贷款人", "甲方", "丙方", "配偶", "共同")


def person_id(rows: Sequence[Row], person_labels: Sequence[str], own: Sequence[str] = (),
              other: Sequence[str] = (), other_labels: Sequence[str] = (),
              sole: bool = False) -> FieldValue | None:
    """The ID number that belongs to one party, whatever the field order or layout.

    Every ID number on the page is a candidate. One whose label (the text before it on its
    row, or the row above when it stands alone) names the party (``own``) wins; one whose
    label names another party (``other``), or that sits closer under another party's name
    (``other_labels``) than under this one's, is never taken; otherwise closeness under the
    party's name (same row or the two below) decides, ties going to the first in reading
    order. With no such evidence the page's only ID number is taken when ``sole`` says
    that no other party on this kind of document has one (a loan contract's lender and
    bank are organisations)."""
    own_rows = [c.row for c in label_candidates(rows, person_labels)]
    other_rows = [c.row for c in label_candidates(rows, other_labels)] if other_labels else []
    best: tuple[float, FieldValue] | None = None
    seen: set[str] = set()
    for ri, row in enumerate(rows):
        for ci, cell in enumerate(row.cells):
            value = p.id_number(cell.text)
            if not value:
                continue
            seen.add(value)
            before = compact("".join(c.text for c in row.cells[: ci + 1]))
            label = before[: max(before.find(value), 0)] if value in before else before
            if len(label) < 2 and ri > 0:
                label = compact(rows[ri - 1].text)
            named = any(w in label for w in own)
            if any(w in label for w in other) and not named:
                continue
            near_own = _rows_under(ri, own_rows)
            near_other = _rows_under(ri, other_rows)
            if not named and near_other is not None and (near_own is None
                                                          or near_other < near_own):
                continue
            score = (4.0 if named else 0.0) + (2.0 - 0.5 * near_own if near_own is not None
                                               else 0.0)
            if best is None or score > best[0]:
                best = (score, FieldValue(value, round(cell.line.score, 3)))
    if best is None or (best[0] <= 0 and not (sole and len(seen) == 1)):
        return None
    return best[1]


def _rows_under(ri: int, label_rows: Sequence[int]) -> int | None:
    """How many rows below the nearest of ``label_rows`` row ``ri`` is (0–2), if any."""
    gaps = [ri - r for r in label_rows if 0 <= ri - r <= 2]
    return min(gaps) if gaps else None
