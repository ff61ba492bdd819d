"""What a field's value looks like when it is whole: kinds of fields and plausibility (pure).

Parsers already reject what cannot be a value (a date that is not a date, an amount that
is not a number). These rules catch what parses but is probably cut short or taken from the
wrong place: a name of one character, an address without any place word, a query result
that stops mid-sentence or says neither yes nor no, a name or address holding a traditional
character (the recogniser knows both scripts; papers of the mainland print 规范汉字, so 徐靜
for 徐静 is a misread). They only lower confidence; they never change or drop a value.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import opencc

from backend.documents.office_names import misread_place, office_start, starts_with_a_cut_place
from backend.documents.parsers import repayment_methods_named
from backend.documents.query_outcome import states_outcome
from backend.verification.amounts import parse_figure_amount

KINDS = ("code", "date", "amount", "name", "text", "choice", "number")

_KIND_OF = {
    **dict.fromkeys(("id_number", "borrower_id_number", "tenant_id_number", "uscc",
                     "contract_number", "loan_account", "contact_phone"), "code"),
    **dict.fromkeys(("birth_date", "established_date", "statement_date", "issue_date",
                     "lease_start", "lease_end"), "date"),
    **dict.fromkeys(("loan_amount", "loan_amount_upper", "registered_capital", "monthly_rent",
                     "last_12_months_total", "total_principal_paid", "total_interest_paid",
                     "total_paid"), "amount"),
    **dict.fromkeys(("name", "borrower_name", "legal_representative", "contact_name",
                     "tenant_name", "landlord_name"), "name"),
    **dict.fromkeys(("sex", "ethnicity", "marital_status", "repayment_method", "has_property",
                     "company_type"), "choice"),
    **dict.fromkeys(("term_months", "annual_rate", "row_count", "unit_deposit_ratio",
                     "personal_deposit_ratio", "employee_count", "payday"), "number"),
}

_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$")
# Words of forms and certificates that a name taken from the wrong place often is.
_NOT_NAME_WORDS = ("查询", "申请", "证明", "号码", "性别", "民族", "出生", "住址", "日期", "编号",
                   "登记", "单位", "公司", "银行", "中心", "合同", "经办", "签字", "盖章", "本人")
# 字 is not given as a name, but the recogniser reads 宇 (a common one) as 字 at a high score:
# 余字杰, 叶晨字 (twice), 曹强字 on four seeds
_MISREAD_IN_NAMES = "字"
# A whole address ends with a number, a room, a group or a village (a cut one mid-way).
_ADDRESS_END = ("号", "室", "户", "组", "村", "楼", "层", "座", "栋", "单元", "社区", "小区",
                "院", "苑", "园", "幢", "铺", "屯", "寨")
# A house, building, unit or room word needs its number before it: 塔山路号 lost the 324 of
# 塔山路324号 under a glare spot (read at 0.99; no address of the generated sets has one).
_NUMBERLESS = re.compile(r"(?<![\d一二三四五六七八九十零〇百甲乙丙丁A-Za-z])(?:号|栋|幢|单元|室)")
_ORGANISATION_END = ("公司", "中心", "厂", "店", "社", "所", "局", "行", "院", "部", "处", "会",
                     "站", "校", "馆", "场", "室", "团", "委")
_ISSUER_END = ("中心", "局", "处", "所", "政府", "委员会", "办公室", "办", "科", "站", "部")
_BANK = re.compile(r"银行|信用社|信用合作|农商行|农信")
# What a bank's name ends with after the bank word: a branch or office (中国工商银行六 is cut),
# or the bank's legal form (六盘水农村商业银行股份有限公司).
_BRANCH_END = ("行", "社", "部", "处", "所", "点", "厅", "中心", "营业室", "有限公司")
# The levels below a province a place is named with (市, 州, 县, 区, 盟, 旗).
_BELOW_PROVINCE = "市州县区盟旗"
# The place an office serves ends with its level: 六盘水重自然资源局 misread the 市 (at 0.996).
_PLACE_LEVEL = ("省", *_BELOW_PROVINCE)
# A city, province or district is named by two characters or more before 市/省/区 (州市民政局
# lost one, 区民政局 all of 六枝特); a county may be named by one (沛县), so 县 is not here.
_SHORT_PLACE = re.compile(r"^[\u4e00-\u9fff]?[市省区]")
_COMPANY_TYPE_END = ("公司", "）", ")", "企业", "合伙", "工商户", "合作社", "独资")
# The kinds of market entity a licence names (其他有限任公司 lost the 责 of 有限责任公司).
_COMPANY_KINDS = ("有限责任公司", "股份有限公司", "有限公司", "合伙企业", "独资企业", "个体工商户",
                  "合作社", "所有制", "分公司", "外商投资企业", "联营企业")
_UPPER_END = ("元整", "元正", "元", "整", "正", "角", "分")
# Less than any home rents for a month, or the centre lends: 2.00 was 2600.00 with 600 under a
# glare streak (read at 0.97). A provident-fund loan is 10,000 yuan at the least.
_LEAST_AMOUNT = {"monthly_rent": Decimal(100), "loan_amount": Decimal(10000)}
# A numbered code's last group is its serial; one ending in a year (GJJ-SC-2022 of
# GJJ-SC-2022-62331) lost the serial under glare.
_YEAR_LAST = re.compile(r"[A-Za-z0-9][-_/](?:19|20)\d{2}$")
# The letter groups of a hyphenated code are abbreviations of two to four letters (GJJ, SC,
# LPS): five or more between hyphens are two run together, a hyphen lost (GJJSC-2020-… for
# GJJ-SC-2020-…, read at 0.997 on unseen seeds 9801 and 10201)
_MERGED_GROUPS = re.compile(r"(?:^|-)[A-Za-z]{5,}-")
# A city or a province is named by two characters or more (贵州省州市 lost the 盘 of 盘州市,
# 州省… the 贵 of 贵州省).
_CUT_PLACE = re.compile(r"^[\u4e00-\u9fff]?[市省]|省[\u4e00-\u9fff]?市")
# Below a province comes a city, prefecture or county before any street or township: in
# 贵州省建荷城街道 glare took 遵义市红花岗区 (and bled 建 into 荷城).
_SKIPPED_LEVEL = re.compile(rf"省[^{_BELOW_PROVINCE}]*?(?:街道|镇|乡|大道|路|街|巷)")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A home's address names its room: one ending at a numbered building or stairwell lost it
# (…金色家园26栋 and …阳光小区5栋1单元 for …5栋1单元504号, at 0.99+ on glare photos of unseen
# seeds 9701 and 10801). A company's may end at its building.
_AT_A_BUILDING = re.compile(r"\d\s*(?:栋|幢|单元)$")
_HOME_ADDRESSES = ("property_address", "rental_address")  # and an ID card's address


def _issuer_place_whole(value: str) -> bool:
    """An office word (民政局, 不动产登记中心) needs the place it serves before it, a place
    whose name was not cut (州市民政局 lost its first character) and that ends with its
    level (六盘水重… misread the 市)."""
    start = office_start(value)
    if start is None:
        return True
    place = value[:start]
    return bool(place) and not _SHORT_PLACE.match(place) and place.endswith(_PLACE_LEVEL)


def kind_of(doc_type: str, name: str) -> str:
    if name == "address" or name.endswith("_address") or name in ("query_result", "issuer"):
        return "text"
    if name in ("company_name", "unit_name", "trustee_bank", "bank"):
        return "text"
    del doc_type  # the same key means the same kind of value on every type
    return _KIND_OF.get(name, "text")


# A legal form with a character lost: 有公司 (有限公司), 有限司, 股有限公司 (股份有限公司),
# 责任公司 without its 有限 (六盘水市顺达农责任公司: 业科技有限 under glare, read at 0.97).
_BROKEN_LEGAL_FORM = re.compile(
    r"有公司|有限司|有限公$|(?<!股)份有限公司|股有限公司|(?<!有限)责任公司")
# After 经查 comes 询, 实, 证 or a comma (经查请人名下… lost 询，该申).
_AFTER_JING_CHA = "询实证，,：:该"
# The opening clause (up to its first mark, 16 characters at most) says how it was found
# (经查询, 经核查, 经检索, 经不动产登记系统查询): 经亥申请人名下无… lost 查询，该 to glare
_LOOKED = re.compile(r"[查核检审调比]")
# a record (记录) whole: 不动产己录 lost 登记记 under glare (read at 0.95)
_CUT_RECORD = re.compile(r"(?<!记)录")
_CLAUSE_MARK = re.compile(r"[，,：:。]")
# The one it is about is 申请人 (or the words 申报, 申明): 该申名下有… lost 请人 to glare
_CUT_APPLICANT = re.compile(r"申(?![请报明])")
# 投资或 is always 投资或控股 in a company type (自然人投资或股 lost the 控)
_BROKEN_QUALIFIER = re.compile(r"投资或(?!控股)")
# A value never opens by closing a bracket or a clause, nor ends by opening one: a stray
# ）of the label's （丙方） read into 中国银行盘州支行, or a neighbour's text
_STRAY_OPENING = tuple("）)]】、，,。：:；;")
_STRAY_CLOSING = tuple("（(【[")
# 规范汉字 that OpenCC's t2s still maps to another character (乾县 is a county, 於 a surname)
_KEPT_BY_THE_STANDARD = frozenset("乾於")


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def has_traditional(value: str) -> bool:
    """Whether the value holds a character the simplified script writes otherwise."""
    simplified = _to_simplified().convert(value)
    return any(a != b and a not in _KEPT_BY_THE_STANDARD
               for a, b in zip(value, simplified, strict=False))


def _has_stray_mark(value: str) -> bool:
    return (value.startswith(_STRAY_OPENING) or value.endswith(_STRAY_CLOSING)
            or _opens_unclosed(value) or _closes_unopened(value))


def _closes_unopened(value: str) -> bool:
    """It closes a bracket before opening any: the label's tail read into the value
    (托银行)六盘水农村商业银行… of 丙方（受托银行）, at 0.95 on unseen seed 14601)."""
    close = min((i for i, c in enumerate(value) if c in "）)"), default=None)
    return close is not None and not any(c in "（(" for c in value[:close])


def _opens_unclosed(value: str) -> bool:
    """It opens with a bracket it never closes: the tail of a label such as 丙方（受托银行）
    read as the value (（受托银行 at 0.98 on unseen seed 10201)."""
    return value.startswith(("（", "(")) and not any(c in value for c in "）)")


def looks_right(doc_type: str, name: str, value: str) -> bool:
    """False when the value parses but is probably cut short or taken from elsewhere."""
    kind = kind_of(doc_type, name)
    if kind in ("name", "text") and (has_traditional(value) or _has_stray_mark(value)):
        return False
    if kind == "text" and misread_place(value):
        return False
    if kind == "name":
        return (bool(_PERSON.match(value)) and not any(w in value for w in _NOT_NAME_WORDS)
                and _MISREAD_IN_NAMES not in value)
    if name == "query_result":
        # it says first how it was found (经查询，…): 该申请人名下有… lost its start to glare;
        # and it says whether anything was found: 该申请登记记录 lost 人名下无不动产 to glare
        cut_opening = ((value.startswith("经查") and value[2:3] not in _AFTER_JING_CHA)
                       or not _LOOKED.search(_CLAUSE_MARK.split(value, maxsplit=1)[0][:16]))
        return (value.startswith("经") and not cut_opening and len(value) >= 8
                and not _CUT_APPLICANT.search(value) and not _CUT_RECORD.search(value)
                and value.endswith(("。", "记录", "记录。", "房产", "住房"))
                and states_outcome(value))
    if name == "address" or name.endswith("_address"):
        home = name in _HOME_ADDRESSES or doc_type == "id_card"
        return (len(value) >= 8 and value.endswith(_ADDRESS_END)
                and not _NUMBERLESS.search(value) and not _CUT_PLACE.search(value)
                and not _SKIPPED_LEVEL.search(value)
                and not (home and _AT_A_BUILDING.search(value)))
    if name == "company_type":
        # a kind of company is a whole word, its qualifier closed: 有限责任公 lost its 司
        if _BROKEN_LEGAL_FORM.search(value) or _BROKEN_QUALIFIER.search(value):
            return False
        opened = value.count("（") + value.count("(")
        return any(k in value for k in _COMPANY_KINDS) and value.endswith(
            _COMPANY_TYPE_END) and opened == (
            value.count("）") + value.count(")"))
    if name == "contract_number":
        # a serial ends it, and it has one: GJJ-SC-2022 and GJJ-SC lost theirs
        return (not _YEAR_LAST.search(value) and not _MERGED_GROUPS.search(value)
                and any(c.isdigit() for c in value))
    if name == "repayment_method":
        # a method of the vocabulary, whole: 等额本 lost its 息 under glare (read at 1.0)
        return bool(repayment_methods_named(value))
    if name.endswith("_upper"):
        # 大写 as printed ends with its unit: 壹拾壹万 is 壹拾壹万元整 with 元整 under glare
        return value.endswith(_UPPER_END)
    if name in ("company_name", "unit_name", "trustee_bank", "bank") and (
            _BROKEN_LEGAL_FORM.search(value) or starts_with_a_cut_place(value)):
        return False
    if name in ("company_name", "unit_name"):
        return len(value) >= 4 and value.endswith(_ORGANISATION_END)
    if name in ("trustee_bank", "bank"):
        bank = _BANK.search(value)
        return bank is not None and len(value) >= 4 and (
            bank.end() == len(value) or value.endswith(_BRANCH_END))
    if name == "issuer":
        return len(value) >= 4 and value.endswith(_ISSUER_END) and _issuer_place_whole(value)
    if kind == "date":
        m = _DATE.match(value)
        return m is not None and 1900 <= int(m.group(1)) <= 2100
    if name in _LEAST_AMOUNT:
        figure = parse_figure_amount(value)  # None: not a figure, the parser's to judge
        return figure is None or figure >= _LEAST_AMOUNT[name]
    return True
