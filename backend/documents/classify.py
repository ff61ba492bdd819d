"""Document type from the words on the page (``--type auto``).

Each type has title phrases (strong evidence, most weight when printed large near the top)
and body words (weaker). The best score wins; ties go to the title evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from backend.documents.extractors.repayment_statement import read_table
from backend.documents.fields import compact
from backend.documents.layout import Row

_TITLES: dict[str, tuple[str, ...]] = {
    "id_card": ("居民身份证",),
    "business_licence": ("营业执照",),
    "loan_contract": ("借款合同", "贷款合同", "抵押借款合同"),
    "repayment_statement": ("还款明细", "还款记录", "还款流水", "还款对账单", "还款清单",
                            "还款情况", "贷款明细", "还款计划执行"),
    "marital_status_certificate": ("婚姻状况证明", "婚姻登记记录证明", "婚姻登记信息",
                                   "婚姻状况"),
    "no_housing_certificate": ("无房证明", "不动产登记信息查询结果", "住房情况查询",
                               "不动产查询结果", "无房产证明", "房产信息查询", "住房情况证明",
                               "不动产登记查询", "房屋权属查询"),
    "unit_registration_form": ("缴存登记表", "单位登记表", "开户登记", "单位缴存登记",
                               "缴存单位登记", "单位开户", "单位设立登记"),
    "rental_contract": ("租赁合同", "租房合同", "房屋租赁", "租赁协议", "租房协议"),
}
_WORDS: dict[str, tuple[str, ...]] = {
    # 公民身份号码 is printed on many papers: a word here, not a title
    "id_card": ("姓名", "性别", "民族", "出生", "住址", "公民身份号码"),
    "business_licence": ("统一社会信用代码", "注册资本", "成立日期", "法定代表人", "经营范围",
                         "登记机关", "营业期限"),
    "loan_contract": ("借款人", "贷款人", "借款金额", "贷款期限", "年利率", "还款方式",
                      "受托银行"),
    "repayment_statement": ("还款日期", "应还本金", "应还利息", "贷款余额", "期次", "本金",
                            "利息", "余额"),
    "marital_status_certificate": ("婚姻状况", "民政局", "婚姻登记", "已婚", "未婚", "离婚",
                                   "丧偶"),
    "no_housing_certificate": ("不动产", "查询结果", "查询申请人", "查询目的", "登记记录", "名下",
                               "房屋登记", "住房登记", "查询编号", "无房"),
    "unit_registration_form": ("单位名称", "缴存比例", "职工人数", "发薪日", "经办人",
                               "开户银行", "单位地址"),
    "rental_contract": ("出租方", "承租方", "租金", "租赁期限", "押金", "出租人", "承租人"),
}


# Titles of papers people upload by mistake that share words with the eight types (a
# household register has 公民身份号码, a bank statement 交易日期 and 余额): under such a
# title, and no title of ours, the page is none of the eight.
_OTHER_TITLES = ("常住人口登记卡", "居民户口簿", "户口簿", "收入证明", "在职证明", "工作证明",
                 "交易明细", "银行流水", "账户流水", "结婚证", "离婚证", "出生医学证明",
                 "不动产权证书", "房屋所有权证", "购房发票", "完税证明", "社保缴费")


def classify(rows: Sequence[Row]) -> tuple[str | None, float]:
    """The most likely type and a confidence in [0, 1]; None when nothing matches."""
    texts = [compact(r.text) for r in rows]
    # a title stands alone: what follows a colon is a value (证件类型：居民身份证)
    head = "".join(t.split(":")[0] for t in texts[:6])
    body = "".join(texts)
    top = "".join(texts[:2])
    if any(_other_title(t, texts[:2]) for t in _OTHER_TITLES) and not any(
            title in top for titles in _TITLES.values() for title in titles):
        return None, 0.0
    scores: dict[str, float] = {}
    for doc_type in _TITLES:
        s = 0.0
        for title in _TITLES[doc_type]:
            if title in head:
                s += 6
            elif title in body:
                s += 2
            else:
                # A blurred or stained title still shows most of its characters in order.
                likeness = max((_in_order_share(title, t) for t in texts[:6]), default=0.0)
                if len(title) >= 4 and likeness >= 0.75:
                    s += 6 * likeness
        s += sum(1 for w in _WORDS[doc_type] if w in body)
        scores[doc_type] = s
    if len(read_table(rows)[0]) >= 3:  # rows of dated repayments, whatever the words
        scores["repayment_statement"] += 4
    best = max(scores, key=lambda t: scores[t])
    if scores[best] < 3:
        if "公民身份号码" in body and "姓名" in body:  # a bare card face: name and number
            return "id_card", 0.5
        return None, 0.0
    runner_up = max(v for t, v in scores.items() if t != best)
    return best, round(min(1.0, (scores[best] - runner_up) / scores[best] + 0.3), 3)


def _other_title(title: str, top: Sequence[str]) -> bool:
    """``title`` in the first lines, or (four characters or more) misread in one."""
    return any(title in t for t in top) or (
        len(title) >= 4 and max((_in_order_share(title, t) for t in top), default=0.0) >= 0.75)


def _in_order_share(phrase: str, text: str) -> float:
    """Share of ``phrase``'s characters found in ``text`` in the same order, contiguous
    except for at most one substituted character (e.g. 借款合间 for 借款合同)."""
    best = 0
    for start in range(len(text)):
        matched = misses = 0
        for offset, ch in enumerate(phrase):
            if start + offset >= len(text):
                break
            if text[start + offset] == ch:
                matched += 1
            else:
                misses += 1
                if misses > 1:
                    break
        best = max(best, matched)
    return best / len(phrase)
