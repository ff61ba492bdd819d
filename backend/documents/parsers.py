"""Value parsers: text cut out after a label → the normalised value, or None to reject it.

Codes and numbers come back half-width; dates ISO; amounts with two decimals.
"""

from __future__ import annotations

import re

from backend.verification.amounts import format_amount, parse_figure_amount, parse_upper_amount
from backend.verification.validators import USCC_ALPHABET, halfwidth, normalise_date

_CJK = r"\u4e00-\u9fff"
_NAME = re.compile(rf"[{_CJK}][{_CJK}·•]{{1,11}}")
_ID = re.compile(r"(?<![0-9A-Z])[0-9]{17}[0-9X](?![0-9A-Z])")
_USCC = re.compile(rf"(?<![0-9A-Z])[{USCC_ALPHABET}IOSZV]{{18}}(?![0-9A-Z])")
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d{1,4})?)\s*%")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
_UPPER_CHARS = re.compile(r"[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆角分整正]+")
_NOT_A_NAME = ("签字", "盖章", "身份", "证号", "甲方", "乙方", "日期", "地址", "电话",
               "姓名", "名称", "号码", "证件")


# The 56 ethnic groups (GB/T 3304) as an ID card prints them, without 族, and 穿青人, which
# Guizhou's cards print for a people not assigned to one of them. A label read where the
# value was (出生日期, the next label, when glare wiped 回) is none of these.
ETHNIC_GROUPS = frozenset((
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "穿青人",
))


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def person_name(text: str) -> str | None:
    t = _clean(text)
    t = re.sub(r"^[(（][^)）]*[)）]", "", t)  # （甲方） before the name
    t = re.sub(r"^[:：]", "", t)
    m = _NAME.match(t)
    if not m or any(w in m.group(0) for w in _NOT_A_NAME):
        return None
    name = m.group(0)
    # A run of Chinese longer than a name is a sentence ("甲方保证对该房屋…"), not a name;
    # transliterated minority names keep their separator dot.
    if len(name) > 4 and "·" not in name and "•" not in name:
        return None
    return name


def free_text(text: str) -> str | None:
    t = _clean(text).strip(":：;；,，")
    return t or None


# House, building and flat numbers misread as letters (10Q2号, 1O栋, 2l01室): a letter that
# looks like a digit, between digits or between a digit and the unit word it numbers.
_ZERO_LIKE = re.compile(r"(?<=\d)[OoQD〇](?=\d|[号栋幢单室楼层弄])|(?<=\d)[OoQD〇](?=[OoQD〇]?\d)")
_ONE_LIKE = re.compile(r"(?<=\d)[lI|](?=\d|[号栋幢单室楼层弄])")


def house_numbers(text: str) -> str:
    for _ in range(2):  # twice: 3OO2号 needs the first O repaired to see the second
        text = _ONE_LIKE.sub("1", _ZERO_LIKE.sub("0", text))
    return text


def address_text(text: str) -> str | None:
    """An address under a label that names it (住址): free text, house numbers repaired."""
    t = free_text(text)
    return house_numbers(t) if t else None


def address(text: str) -> str | None:
    """A postal address: free text naming a place (省, 市, 区, 县, 路, 街, 号, …)."""
    t = address_text(text)
    return t if t and re.search(r"[省市区县镇乡村路街巷道号栋]", t) else None


def code(text: str) -> str | None:
    t = _clean(halfwidth(text)).upper()
    m = re.match(r"[0-9A-Z][0-9A-Z\-]{3,}", t)
    return m.group(0) if m else None


def id_number(text: str) -> str | None:
    t = _clean(halfwidth(text)).upper()
    m = _ID.search(t)
    return m.group(0) if m else None


def uscc(text: str) -> str | None:
    t = _clean(halfwidth(text)).upper()
    m = _USCC.search(t)
    return m.group(0) if m else None


def date(text: str) -> str | None:
    t = _clean(text)
    # A stamp or fold can swallow a year's first digit ("026年9月17日"): read it as 20xx.
    t = re.sub(r"(?<!\d)0(\d{2})(?=\s*年)", r"20\1", t)
    found = normalise_date(t)
    if found is None and re.fullmatch(r"\d{4}[-/.]?\d{2}[-/.]?\d{2}", t):
        found = normalise_date(re.sub(r"\D", "", t))  # a separator lost (202505.13)
    return found


def amount(text: str) -> str | None:
    t = _clean(text)
    t = re.split(r"[(（]\s*大写", t)[0]  # 2650元（大写：…） keeps only the figures
    if re.match(r"\D{0,6}?0\d", halfwidth(t)):
        return None  # no printed amount starts 00 or 01: a leading digit was misread (t000元)
    value = parse_figure_amount(t)
    return format_amount(value) if value is not None else None


# Characters OCR reads for financial numerals (抬 for 拾, 损 for 捌); applied only to a run
# that then parses as an amount in words.
_UPPER_LOOKALIKES = str.maketrans({"抬": "拾", "恰": "拾", "伯": "佰", "仔": "仟", "阡": "仟",
                                   "损": "捌", "参": "叁", "武": "贰", "戴": "贰", "圓": "圆"})


def upper_amount(text: str) -> str | None:
    m = _UPPER_CHARS.search(_clean(text).replace("人民币", "").translate(_UPPER_LOOKALIKES))
    if not m or not re.search(r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]", m.group(0)) or not re.search(
            r"[拾佰仟万萬亿億元圆]", m.group(0)):  # a lone numeral is no amount
        return None
    if parse_upper_amount(m.group(0)) is None:
        return None
    return m.group(0)


def percent(text: str) -> str | None:
    m = _PERCENT.search(halfwidth(_clean(text)))
    return f"{m.group(1)}%" if m else None


def ratio(text: str) -> str | None:
    """A deposit ratio: '12%' or, under a label that names the unit ('比例（%）'), a bare
    '12' → '12%'. Ratios above 100 are not ratios."""
    t = halfwidth(_clean(text))
    found = percent(t)
    if found:
        return found
    m = re.match(r"(\d{1,2}(?:\.\d{1,2})?)(?![\d.])", t)
    return f"{m.group(1)}%" if m and 0 < float(m.group(1)) <= 100 else None


def integer(text: str) -> str | None:
    m = re.search(r"\d+", halfwidth(_clean(text)))
    return str(int(m.group(0))) if m else None


_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}


def _cn_integer(text: str) -> int | None:
    """一 … 九十九 and 一百 … 九百九十九 in Chinese numerals ('二十五' → 25)."""
    m = re.fullmatch(r"(?:([一二两三四五六七八九])百)?(?:([一二三四五六七八九])?(十))?"
                     r"([一二三四五六七八九])?", text)
    if not m or not text:
        return None
    hundreds, tens, ten, ones = m.groups()
    value = _CN_SMALL[hundreds] * 100 if hundreds else 0
    if ten:
        value += _CN_SMALL[tens] * 10 if tens else 10
    value += _CN_SMALL[ones] if ones else 0
    return value or None


def months(text: str) -> str | None:
    """A loan term in months: '180个月' → '180'; '15年' → '180'; '二十年' → '240'."""
    t = halfwidth(_clean(text))
    m = re.search(r"(\d+)\s*(个月|月|期|年)?", t)
    if m:
        n = int(m.group(1))
        return str(n * 12 if m.group(2) == "年" else n)
    m = re.search(r"([一二两三四五六七八九十百]+)\s*(个月|月|期|年)", t)
    n_cn = _cn_integer(m.group(1)) if m else None
    if m is None or n_cn is None:
        return None
    return str(n_cn * 12 if m.group(2) == "年" else n_cn)


def leading_phrase(text: str) -> str | None:
    """Text up to the first punctuation: '等额本息，按月还款' → '等额本息'."""
    t = re.split(r"[,，;；。:：]", _clean(text))[0]
    return t or None


_METHODS = re.compile(r"等额本息|等额本金|一次性还本付息|一次还本付息|等本等息|按月付息到期还本")


def repayment_methods_named(text: str) -> list[str]:
    """Every repayment method of the closed vocabulary the text names, in order."""
    return _METHODS.findall(_clean(text))


def repayment_method(text: str) -> str | None:
    """A repayment method by its closed vocabulary (for pages whose label is unreadable)."""
    named = repayment_methods_named(text)
    return named[0] if named else None


def mobile(text: str) -> str | None:
    m = re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", halfwidth(_clean(text)))
    return m.group(0) if m else None


def phone(text: str) -> str | None:
    m = _PHONE.search(halfwidth(_clean(text)))
    return m.group(1) if m else None


def capital(text: str) -> str | None:
    """Registered capital as printed: '500万元', '1000万元人民币' → '1000万元人民币'."""
    t = halfwidth(_clean(text))
    m = re.search(r"\d[\d,.]*\s*(万|亿)?元(人民币)?", t)
    if m:
        return m.group(0)
    upper = _UPPER_CHARS.search(t.replace("人民币", ""))  # 伍佰万元整, as printed
    return upper.group(0) if upper and parse_upper_amount(upper.group(0)) else None
