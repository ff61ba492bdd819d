"""A harder evaluation set for document extraction, generated with a fixed seed.

The 40 sample photos share one font, one wording per label and one layout per type. This
renders synthetic documents of all eight types with other fonts (Noto Sans/Serif CJK,
WenQuanYi Zen Hei, AR PL UKai/UMing when installed), label variants (贷款金额/借款金额,
房屋坐落/房屋地址, spaced labels such as 姓 名, full/half-width or no colons), shuffled
field order, other layouts (one pair per line, two columns, ruled tables, value under its
label) and photo conditions (rotation 90/180/270, skew, perspective on a table, shadow,
strong JPEG compression, lower resolution, noise), each with its ground truth in the
format of ``../shared/fixtures/documents/truth.jsonl``. About one photo in four also gets
glare (a soft elliptical specular highlight washing out the text under it; truth
``quality.glare``); that choice has its own random stream, so the documents and other
conditions a seed gives are the same as before glare was added.

    .venv/bin/python bench/harder_documents.py [--count 3] [--seed 7] [--types a,b]
        [--out DIR] [--keep] [--details] [--engine rapidocr]

Without ``--out`` the images go to a temporary directory (never committed). The set is
then read with the pipeline (what ``doorstep extract --type auto`` runs) and scored with
``../shared/tools/score_documents.py`` (``--no-score`` only writes the set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from backend.verification.amounts import format_amount, to_upper_amount  # noqa: E402
from backend.verification.validators import (  # noqa: E402
    USCC_ALPHABET,
    id_check_character,
    uscc_check_character,
)

TYPES = ("id_card", "business_licence", "loan_contract", "repayment_statement",
         "marital_status_certificate", "no_housing_certificate", "unit_registration_form",
         "rental_contract")

FONT_FILES = (
    ("noto-sans", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("noto-serif", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("wqy-zenhei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("ar-ukai", "/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("ar-uming", "/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)
LAYOUTS = ("lines", "two_columns", "table", "below", "grid")
CONDITIONS = ("rot90", "rot180", "rot270", "skew", "perspective", "shadow", "jpeg", "lowres",
              "noise")
GLARE_SHARE = 0.25


def available_fonts() -> list[tuple[str, str, int]]:
    return [f for f in FONT_FILES if Path(f[1]).exists()]


# ---------------------------------------------------------------- invented values

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许"
             "韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
          "玉兰萍红梅鹏飞宇浩然婷雪琳俊凯佳欣怡晨辉建国志文")
_PLACES = (("贵州省六盘水市钟山区", "520201"), ("贵州省六盘水市六枝特区", "520203"),
           ("贵州省六盘水市水城区", "520221"), ("贵州省盘州市", "520281"),
           ("贵州省贵阳市南明区", "520102"), ("贵州省遵义市红花岗区", "520302"))
_STREETS = ("人民路", "钟山大道", "建设路", "凤凰街道荷泉路", "红果街道文博路", "黄土坡街道明湖路",
            "德坞街道水西路", "荷城街道双水大道", "塔山路", "民族路")
_ESTATES = ("丽景天城", "东湖雅苑", "凉都花园", "金色家园", "翡翠湾", "阳光小区", "锦绣华庭")
_BANKS = ("中国建设银行股份有限公司六盘水分行", "中国工商银行六盘水分行",
          "贵州银行股份有限公司六盘水分行",
          "中国农业银行六盘水钟山支行", "六盘水农村商业银行股份有限公司", "中国银行盘州支行")
_COMPANY_WORDS = ("凉都", "乌蒙", "夜郎", "顺达", "金诚", "黔西", "红果", "鑫源", "宏泰")
_TRADES = (("餐饮管理", "有限公司"), ("农业科技", "有限责任公司"), ("房地产开发", "有限公司"),
           ("建筑工程", "有限公司"), ("商贸", "有限公司"), ("物业服务", "股份有限公司"))
_COMPANY_TYPES = ("有限责任公司（自然人独资）", "有限责任公司（自然人投资或控股）",
                  "股份有限公司（非上市）",
                  "其他有限责任公司")
_ETHNICITIES = ("汉", "苗", "布依", "彝", "侗", "回", "土家")


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _date(rng: random.Random, start: int, end: int) -> dt.date:
    return dt.date(start, 1, 1) + dt.timedelta(days=rng.randrange((end - start) * 365))


def _id_number(rng: random.Random, birth: dt.date, sex: str) -> str:
    region = rng.choice(_PLACES)[1]
    seq = rng.randrange(0, 99) * 10 + (rng.choice((1, 3, 5, 7, 9)) if sex == "男"
                                       else rng.choice((0, 2, 4, 6, 8)))
    first = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first + id_check_character(first)


def _uscc(rng: random.Random) -> str:
    body = "9152" + rng.choice(("0201", "0203", "0221", "0281")) + "".join(
        rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_character(body)


def _address(rng: random.Random, detail: bool = True) -> str:
    place = rng.choice(_PLACES)[0]
    text = f"{place}{rng.choice(_STREETS)}{rng.randrange(1, 400)}号"
    if detail:
        text += f"{rng.choice(_ESTATES)}{rng.randrange(1, 30)}栋{rng.randrange(1, 4)}单元" \
                f"{rng.randrange(1, 30)}{rng.randrange(1, 6):02d}号"
    return text


def _company(rng: random.Random) -> str:
    trade, form = rng.choice(_TRADES)
    return f"六盘水市{rng.choice(_COMPANY_WORDS)}{trade}{form}"


def _cn_date(day: dt.date, rng: random.Random) -> str:
    return rng.choice((f"{day.year}年{day.month}月{day.day}日",
                       f"{day.year}年{day.month:02d}月{day.day:02d}日",
                       f"{day:%Y-%m-%d}", f"{day:%Y.%m.%d}", f"{day:%Y/%m/%d}"))


# ---------------------------------------------------------------- page model


@dataclass
class Pair:
    labels: Sequence[str]  # wordings to choose from
    value: str
    wide: bool = False  # needs a whole row (addresses, names of organisations)


@dataclass
class Doc:
    doc_type: str
    title: str
    fields: dict[str, Any]
    pairs: list[Pair]
    head: list[str] = field(default_factory=list)  # lines under the title
    body: list[str] = field(default_factory=list)  # paragraphs after the pairs
    foot: list[str] = field(default_factory=list)  # right-aligned lines at the bottom
    table: tuple[list[str], list[list[str]]] | None = None
    rows: list[dict[str, Any]] | None = None
    landscape: bool = False
    fixed_order: bool = False


def _id_card(rng: random.Random) -> Doc:
    sex = rng.choice("男女")
    birth = _date(rng, 1960, 2002)
    name, eth = _name(rng), rng.choice(_ETHNICITIES)
    idn, addr = _id_number(rng, birth, sex), _address(rng, detail=rng.random() < 0.5)
    return Doc("id_card", "", {"name": name, "sex": sex, "ethnicity": eth,
                              "birth_date": birth.isoformat(), "address": addr,
                              "id_number": idn},
               [Pair(("姓名", "姓 名"), name), Pair(("性别",), sex), Pair(("民族",), eth),
                Pair(("出生", "出生日期"), f"{birth.year}年{birth.month}月{birth.day}日"),
                Pair(("住址",), addr, wide=True),
                Pair(("公民身份号码", "身份证号码"), idn, wide=True)],
               head=["中华人民共和国居民身份证"], landscape=True, fixed_order=True)


def _business_licence(rng: random.Random) -> Doc:
    name, uscc, kind, rep = _company(rng), _uscc(rng), rng.choice(_COMPANY_TYPES), _name(rng)
    capital = f"{rng.choice((50, 100, 200, 500, 1000, 3000))}万元"
    founded = _date(rng, 2005, 2025)
    addr = _address(rng, detail=False)
    fields = {"company_name": name, "uscc": uscc, "company_type": kind,
              "legal_representative": rep, "registered_capital": capital,
              "established_date": founded.isoformat(), "address": addr}
    return Doc("business_licence", "营业执照", fields, [
        Pair(("统一社会信用代码", "社会信用代码"), uscc, wide=True),
        Pair(("名称", "企业名称", "名 称", "市场主体名称"), name, wide=True),
        Pair(("类型", "企业类型", "主体类型"), kind, wide=True),
        Pair(("法定代表人", "负责人"), rep),
        Pair(("注册资本", "注册资金"), capital),
        Pair(("成立日期", "注册日期", "设立日期"), _cn_date(founded, rng)),
        Pair(("住所", "营业场所", "地址"), addr, wide=True),
    ], head=["（副本）"], body=["经营范围 农产品种植、收购、销售；信息系统集成服务；网络工程。"],
        foot=["登记机关", _cn_date(_date(rng, 2025, 2026), rng)])


def _loan_contract(rng: random.Random) -> Doc:
    name, sex = _name(rng), rng.choice("男女")
    idn = _id_number(rng, _date(rng, 1965, 1998), sex)
    amount = Decimal(rng.randrange(10, 80) * 10000)
    years = rng.choice((5, 10, 15, 20, 25, 30))
    term_text = rng.choice((f"{years * 12}个月", f"{years}年"))
    rate = rng.choice(("2.35%", "2.85%", "3.1%", "3.25%"))
    method = rng.choice(("等额本息", "等额本金"))
    bank, addr = rng.choice(_BANKS), _address(rng)
    number = f"GJJ-{rng.choice(('LPS', 'PZ', 'SC'))}-{rng.randrange(2019, 2026)}-" \
             f"{rng.randrange(10000, 99999)}"
    fields = {"contract_number": number, "borrower_name": name, "borrower_id_number": idn,
              "property_address": addr, "loan_amount": format_amount(amount),
              "loan_amount_upper": to_upper_amount(amount), "term_months": str(years * 12),
              "annual_rate": rate, "repayment_method": method, "trustee_bank": bank}
    return Doc("loan_contract", rng.choice(("个人住房公积金借款合同", "住房公积金个人贷款合同")),
               fields, [
        Pair(("合同编号", "编号", "借款合同编号"), number),
        Pair(("借款人（乙方）", "借款人", "乙方（借款人）", "借款人姓名"), name),
        Pair(("身份证号码", "证件号码", "身份证号"), idn),
        Pair(("受托银行（丙方）", "受托银行", "丙方（受托银行）"), bank, wide=True),
        Pair(("房屋坐落", "房屋地址", "房产坐落", "抵押房屋地址"), addr, wide=True),
        Pair(("借款金额（小写）", "贷款金额（小写）", "借款金额", "贷款金额"),
             rng.choice((f"人民币{amount}元", f"{amount:.2f}元", f"¥{amount:,.2f}"))),
        Pair(("借款金额（大写）", "贷款金额（大写）", "大写金额"),
             rng.choice(("人民币", "")) + to_upper_amount(amount), wide=True),
        Pair(("贷款期限", "借款期限", "贷款年限"), term_text),
        Pair(("年利率", "贷款年利率", "借款年利率", "执行年利率"), rate),
        Pair(("还款方式", "还款方法"), method),
    ], head=["贷款人（甲方）：六盘水市住房公积金管理中心"],
        body=["乙方应于每月20日前将当期应还本息足额存入还款账户，由丙方按月扣收。",
              "本合同自各方签字（盖章）之日起生效。"],
        foot=[f"签订日期：{_cn_date(_date(rng, 2019, 2026), rng)}"])


def months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _repayment_statement(rng: random.Random) -> Doc:
    name = _name(rng)
    account = "".join(str(rng.randrange(10)) for _ in range(16))
    balance = Decimal(rng.randrange(20, 80) * 10000)
    principal = (balance / 240).quantize(Decimal("0.01"))
    rate = Decimal("0.031") / 12
    n = rng.randrange(8, 26)
    first = dt.date(rng.randrange(2022, 2025), rng.randrange(1, 13), rng.choice((2, 10, 20)))
    rows: list[dict[str, Any]] = []
    table_rows: list[list[str]] = []
    for i in range(n):
        y, m = divmod(first.year * 12 + first.month - 1 + i, 12)
        day = dt.date(y, m + 1, first.day)
        interest = (balance * rate).quantize(Decimal("0.01"))
        total = principal + interest
        balance -= principal
        rows.append({"period": i + 1, "date": day.isoformat(), "principal": str(principal),
                     "interest": str(interest), "total": str(total), "balance": str(balance)})
        table_rows.append([str(i + 1), day.isoformat(), f"{principal:.2f}", f"{interest:.2f}",
                           f"{total:.2f}", f"{balance:.2f}"])
    last = dt.date.fromisoformat(rows[-1]["date"])
    stated = last + dt.timedelta(days=rng.randrange(1, 25))
    start = months_before(stated, 12)
    recent = sum((Decimal(r["total"]) for r in rows
                  if start < dt.date.fromisoformat(r["date"]) <= stated), Decimal(0))
    fields = {"borrower_name": name, "loan_account": account,
              "statement_date": stated.isoformat(),
              "last_12_months_total": format_amount(recent),
              "total_principal_paid": format_amount(sum(
                  (Decimal(r["principal"]) for r in rows), Decimal(0))),
              "total_interest_paid": format_amount(sum(
                  (Decimal(r["interest"]) for r in rows), Decimal(0))),
              "total_paid": format_amount(sum((Decimal(r["total"]) for r in rows), Decimal(0))),
              "row_count": str(n)}
    header = [rng.choice(("期次", "序号", "期数")),
              rng.choice(("还款日期", "扣款日期", "实还日期")),
              rng.choice(("应还本金", "归还本金", "本金")),
              rng.choice(("应还利息", "归还利息", "利息")),
              rng.choice(("本期合计", "还款合计", "月还款额")),
              rng.choice(("贷款余额", "剩余本金"))]
    title = rng.choice(("个人住房公积金贷款还款明细", "住房公积金贷款还款记录"))
    return Doc("repayment_statement", title, fields, [
        Pair(("借款人姓名", "借款人", "户名", "客户姓名"), name),
        Pair(("贷款账号", "借款账号", "账号", "贷款账户"), account),
        Pair(("打印日期", "查询日期", "制表日期", "打印时间"), _cn_date(stated, rng)),
        Pair(("还款方式",), "等额本金"),
    ], table=(header, table_rows), rows=rows, foot=[f"共 {n} 条记录"])


def _marital(rng: random.Random) -> Doc:
    sex = rng.choice("男女")
    name, idn = _name(rng), _id_number(rng, _date(rng, 1960, 2000), sex)
    status = rng.choice(("未婚", "已婚", "离婚", "丧偶"))
    issued = _date(rng, 2025, 2026)
    issuer = rng.choice(("六盘水市钟山区民政局婚姻登记处", "盘州市民政局",
                         "六枝特区民政局婚姻登记处"))
    fields = {"name": name, "id_number": idn, "marital_status": status,
              "issue_date": issued.isoformat(), "issuer": issuer}
    pairs = [Pair(("姓名", "当事人"), name), Pair(("性别",), sex),
             Pair(("公民身份号码", "身份证号码", "证件号码"), idn, wide=True),
             Pair(("婚姻状况", "婚姻状态"), status)]
    foot = [issuer, _cn_date(issued, rng)]
    if rng.random() < 0.4:
        pairs += [Pair(("出具机关", "出具单位"), issuer, wide=True),
                  Pair(("出具日期", "开具日期"), _cn_date(issued, rng))]
        foot = []
    return Doc("marital_status_certificate", rng.choice(("婚姻状况证明", "婚姻登记记录证明")),
               fields, pairs, head=["兹证明："],
               body=[f"经查询，该当事人婚姻状况为{status}。", "特此证明。"], foot=foot)


def _no_housing(rng: random.Random) -> Doc:
    sex = rng.choice("男女")
    name, idn = _name(rng), _id_number(rng, _date(rng, 1960, 2000), sex)
    found = rng.random() < 0.3
    result = ("经查询，该申请人名下有不动产登记记录1条。" if found
              else rng.choice(("经查询，未发现该申请人名下有不动产登记记录。",
                               "经查询，该申请人名下无不动产登记记录。")))
    issued = _date(rng, 2025, 2026)
    issuer = rng.choice(("六盘水市不动产登记中心", "盘州市不动产登记中心", "六盘水市自然资源局"))
    fields = {"name": name, "id_number": idn, "query_result": result, "has_property": found,
              "issue_date": issued.isoformat(), "issuer": issuer}
    title = rng.choice(("不动产登记信息查询结果证明", "无房证明"))
    return Doc("no_housing_certificate", title, fields, [
        Pair(("查询申请人", "申请人", "姓名", "被查询人"), name),
        Pair(("证件类型",), "居民身份证"),
        Pair(("证件号码", "身份证号码"), idn, wide=True),
        Pair(("查询目的",), "办理住房公积金提取"),
        Pair(("查询结果", "查询结论"), result, wide=True),
    ], head=[f"查询编号：BDCCX{rng.randrange(10**11, 10**12)}"],
        body=["说明：本证明自出具之日起90日内有效。"], foot=[issuer, _cn_date(issued, rng)])


def _unit_form(rng: random.Random) -> Doc:
    name, uscc, addr = _company(rng), _uscc(rng), _address(rng, detail=False)
    rep, contact = _name(rng), _name(rng)
    phone = "1" + rng.choice("3578") + "".join(str(rng.randrange(10)) for _ in range(9))
    unit_r, own_r = f"{rng.choice((5, 8, 10, 12))}%", f"{rng.choice((5, 8, 10, 12))}%"
    count, payday = str(rng.randrange(5, 900)), str(rng.randrange(1, 29))
    bank = rng.choice(_BANKS)
    fields = {"unit_name": name, "uscc": uscc, "unit_address": addr,
              "legal_representative": rep, "contact_name": contact, "contact_phone": phone,
              "unit_deposit_ratio": unit_r, "personal_deposit_ratio": own_r,
              "employee_count": count, "payday": payday, "bank": bank}
    title = rng.choice(("单位住房公积金缴存登记表", "住房公积金单位缴存登记表"))
    return Doc("unit_registration_form", title, fields, [
        Pair(("单位名称", "缴存单位名称", "单位全称"), name, wide=True),
        Pair(("统一社会信用代码", "社会信用代码"), uscc, wide=True),
        Pair(("单位地址", "单位住所"), addr, wide=True),
        Pair(("法定代表人", "单位负责人"), rep),
        Pair(("经办人", "联系人", "经办人姓名"), contact),
        Pair(("联系电话", "手机号码", "联系手机"), phone),
        *((Pair(("单位缴存比例（%）",), unit_r.rstrip("%")),
           Pair(("个人缴存比例（%）", "职工缴存比例（%）"), own_r.rstrip("%")))
          if rng.random() < 0.4 else
          (Pair(("单位缴存比例",), unit_r), Pair(("个人缴存比例", "职工缴存比例"), own_r))),
        Pair(("职工人数", "缴存人数"), count),
        Pair(("发薪日（每月）", "每月发薪日", "发薪日"), payday),
        Pair(("开户银行", "缴存银行"), bank, wide=True),
    ], head=[f"填表日期：{_cn_date(_date(rng, 2025, 2026), rng)}"],
        body=["填表说明：本表一式两份，单位和住房公积金管理中心各执一份。"])


def _rental(rng: random.Random) -> Doc:
    landlord, tenant = _name(rng), _name(rng)
    l_id = _id_number(rng, _date(rng, 1960, 1995), rng.choice("男女"))
    t_id = _id_number(rng, _date(rng, 1975, 2002), rng.choice("男女"))
    addr = _address(rng)
    rent = Decimal(rng.randrange(8, 40) * 100)
    start = dt.date(rng.randrange(2024, 2026), rng.randrange(1, 13), 1)
    end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    fields = {"tenant_name": tenant, "tenant_id_number": t_id, "landlord_name": landlord,
              "rental_address": addr, "monthly_rent": format_amount(rent),
              "lease_start": start.isoformat(), "lease_end": end.isoformat()}
    return Doc("rental_contract", rng.choice(("房屋租赁合同", "住房租赁合同")), fields, [
        Pair(("出租方（甲方）", "出租人", "甲方（出租方）"), landlord),
        Pair(("承租方（乙方）", "承租人", "乙方（承租方）"), tenant),
        Pair(("承租人身份证号", "乙方身份证号码"), t_id, wide=True),
        Pair(("房屋地址", "房屋坐落", "租赁房屋地址"), addr, wide=True),
        Pair(("租赁期限", "租期"), f"自{_cn_date(start, rng)}起至{_cn_date(end, rng)}止",
             wide=True),
        Pair(("月租金", "每月租金", "租金标准", "月租金额"),
             rng.choice((f"人民币{rent}元", f"{rent:.2f}元/月", f"¥{rent:,.2f}"))),
    ], head=[f"出租方身份证号：{l_id}"],
        body=["租金按季度支付，乙方应于每期开始前五日内支付当期租金。",
              "本合同一式两份，甲乙双方各执一份。"])


BUILDERS: dict[str, Callable[[random.Random], Doc]] = {
    "id_card": _id_card, "business_licence": _business_licence, "loan_contract": _loan_contract,
    "repayment_statement": _repayment_statement, "marital_status_certificate": _marital,
    "no_housing_certificate": _no_housing, "unit_registration_form": _unit_form,
    "rental_contract": _rental,
}


# ---------------------------------------------------------------- rendering


def _label_text(rng: random.Random, labels: Sequence[str], colon: str, spaced: bool) -> str:
    label = rng.choice(list(labels))
    if spaced and len(label) == 2:
        label = label[0] + "  " + label[1]
    return label + colon


class _Painter:
    def __init__(self, size: tuple[int, int], font_path: str, index: int, pt: int) -> None:
        self.image = Image.new("RGB", size, (255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)
        self.font_path, self.index, self.pt = font_path, index, pt
        self.font = self.sized(pt)

    def sized(self, pt: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.font_path, pt, index=self.index)

    def width(self, text: str, font: ImageFont.FreeTypeFont | None = None) -> float:
        return float(self.draw.textlength(text, font=font or self.font))

    def text(self, xy: tuple[float, float], text: str, font: ImageFont.FreeTypeFont | None = None,
             fill: tuple[int, int, int] = (20, 20, 20)) -> None:
        self.draw.text(xy, text, font=font or self.font, fill=fill)

    def fit(self, text: str, room: float) -> ImageFont.FreeTypeFont:
        """The page font, or a smaller one so that ``text`` fits in ``room`` pixels."""
        pt = self.pt
        while pt > 14 and self.width(text, self.sized(pt)) > room:
            pt -= 1
        return self.sized(pt) if pt != self.pt else self.font


def render(doc: Doc, rng: random.Random, layout: str, font: tuple[str, str, int]) -> Image.Image:
    size = (1250, 850) if doc.landscape else (1240, 1754)
    pt = rng.randrange(26, 32) if not doc.landscape else rng.randrange(30, 36)
    pa = _Painter(size, font[1], font[2], pt)
    margin, line_h = 90, int(pt * 1.9)
    right = size[0] - margin
    y = 70.0
    if doc.title:
        tf = pa.sized(pt + 14)
        pa.text(((size[0] - pa.width(doc.title, tf)) / 2, y), doc.title, tf)
        y += (pt + 14) * 2.2
    for line in doc.head:
        pa.text((margin, y), line)
        y += line_h
    colon = rng.choice(("：", ":", " ", "： "))
    spaced = rng.random() < 0.4
    pairs = list(doc.pairs)
    if not doc.fixed_order:
        rng.shuffle(pairs)
    cells = [(_label_text(rng, p.labels, colon, spaced), p.value, p.wide) for p in pairs]
    if layout == "lines":
        for label, value, _ in cells:
            lw = pa.width(label) + pt * 0.6
            pa.text((margin, y), label)
            pa.text((margin + lw, y), value, pa.fit(value, right - margin - lw))
            y += line_h
    elif layout == "below":
        for label, value, _ in cells:
            pa.text((margin, y), label.rstrip(" "))
            y += line_h * 0.9
            pa.text((margin + pt, y), value, pa.fit(value, right - margin - pt))
            y += line_h * 1.2
    elif layout == "two_columns":
        mid = margin + (right - margin) / 2 + 20
        narrow = [c for c in cells if not c[2] and len(c[1]) <= 11]
        wide = [c for c in cells if c not in narrow]
        for i in range(0, len(narrow), 2):
            for (label, value, _), x0, x1 in zip(narrow[i:i + 2], (margin, mid), (mid - 30, right),
                                                 strict=False):
                lw = pa.width(label) + pt * 0.5
                pa.text((x0, y), label)
                pa.text((x0 + lw, y), value, pa.fit(value, x1 - x0 - lw))
            y += line_h
        for label, value, _ in wide:
            lw = pa.width(label) + pt * 0.5
            pa.text((margin, y), label)
            pa.text((margin + lw, y), value, pa.fit(value, right - margin - lw))
            y += line_h
    elif layout == "grid":  # ruled form, two label/value pairs per row, long values span
        narrow = [c for c in cells if not c[2] and len(c[1]) <= 11]
        wide = [c for c in cells if c not in narrow]
        row_h = int(pt * 2.3)
        quarter = (right - margin) / 4
        pairs_rows: list[list[tuple[str, str, bool]]] = [narrow[i:i + 2]
                                                         for i in range(0, len(narrow), 2)]
        pairs_rows += [[c] for c in wide]
        rng.shuffle(pairs_rows)
        for prow in pairs_rows:
            span = 1 if len(prow) == 2 or not prow[0][2] else 3
            for k, (label, value, _) in enumerate(prow):
                x0 = margin + 2 * k * quarter
                label = label.rstrip("：: ")
                lf = pa.fit(label, quarter - 12)
                pa.draw.rectangle((x0, y, x0 + quarter, y + row_h), outline=(40, 40, 40), width=2)
                pa.text((x0 + (quarter - pa.width(label, lf)) / 2, y + row_h * 0.22), label, lf)
                vx1 = x0 + quarter * (1 + span)
                pa.draw.rectangle((x0 + quarter, y, vx1, y + row_h), outline=(40, 40, 40), width=2)
                pa.text((x0 + quarter + 10, y + row_h * 0.22), value,
                        pa.fit(value, vx1 - x0 - quarter - 20), fill=(30, 40, 120))
            if len(prow) == 1 and span == 1:
                pa.draw.rectangle((margin + 2 * quarter, y, right, y + row_h),
                                  outline=(40, 40, 40), width=2)
            y += row_h
        y += line_h * 0.5
    else:  # table: label cells and value cells with ruled borders
        label_w = max(pa.width(c[0].rstrip("：: ")) for c in cells) + pt
        row_h = int(pt * 2.3)
        top = y
        for label, value, _ in cells:
            pa.draw.rectangle((margin, y, right, y + row_h), outline=(40, 40, 40), width=2)
            pa.draw.line((margin + label_w, y, margin + label_w, y + row_h), fill=(40, 40, 40),
                         width=2)
            label = label.rstrip("：: ")
            pa.text((margin + (label_w - pa.width(label)) / 2, y + row_h * 0.22), label)
            room = right - margin - label_w - pt
            pa.text((margin + label_w + pt * 0.5, y + row_h * 0.22), value, pa.fit(value, room),
                    fill=(30, 40, 120))
            y += row_h
        pa.draw.rectangle((margin, top, right, y), outline=(20, 20, 20), width=3)
        y += line_h * 0.5
    if doc.table is not None:
        y = _draw_table(pa, doc.table, margin, right, y + line_h * 0.5, size[1] - 160)
    y += line_h * 0.5
    for para in doc.body:
        font_ = pa.fit(para, right - margin)
        pa.text((margin, y), para, font_)
        y += line_h
    y = max(y + line_h, size[1] - 80 - line_h * len(doc.foot) - 60) if doc.foot else y
    foot_top = y
    for line in doc.foot:
        pa.text((right - pa.width(line) - 40, y), line)
        y += line_h
    if rng.random() < 0.5:  # a red seal near the foot, its ink over part of the text
        r = rng.randrange(110, 150)
        cx, cy = right - r - rng.randrange(0, 120), min(foot_top, size[1] - r - 20)
        red = (rng.randrange(200, 235), rng.randrange(30, 70), rng.randrange(30, 70))
        seal = Image.new("RGB", size, (255, 255, 255))
        ink = ImageDraw.Draw(seal)
        ink.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=6)
        ink.text((cx - r * 0.3, cy - r * 0.4), "★", font=pa.sized(int(r * 0.6)), fill=red)
        return ImageChops.multiply(pa.image, seal)  # ink darkens, it does not cover
    return pa.image


def _draw_table(pa: _Painter, table: tuple[list[str], list[list[str]]], left: float,
                right: float, y: float, bottom: float) -> float:
    header, rows = table
    row_h = min(int(pa.pt * 1.6), int((bottom - y) / (len(rows) + 1)))
    font = pa.sized(max(14, min(pa.pt - 4, int(row_h * 0.62))))
    widths = (0.09, 0.19, 0.18, 0.18, 0.18, 0.18)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w * (right - left))
    for ri, row in enumerate([header, *rows]):
        for ci, text in enumerate(row):
            pa.draw.rectangle((xs[ci], y, xs[ci + 1], y + row_h), outline=(60, 60, 60), width=1)
            tw = pa.width(text, font)
            x = (xs[ci] + xs[ci + 1] - tw) / 2 if ri == 0 or ci < 2 else xs[ci + 1] - tw - 8
            pa.text((x, y + row_h * 0.15), text, font)
        y += row_h
    return y


# ---------------------------------------------------------------- photo conditions


def _perspective(img: np.ndarray, rng: random.Random) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    pad = int(0.08 * max(h, w))
    bg = np.full((h + 2 * pad, w + 2 * pad, 3), rng.randrange(60, 120), np.uint8)
    bg = (bg + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 8, bg.shape)).clip(
        0, 255).astype(np.uint8)
    j = 0.04
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = np.array([[pad + x + rng.uniform(-j, j) * w, pad + y + rng.uniform(-j, j) * h]
                    for x, y in corners], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(img, matrix, (bg.shape[1], bg.shape[0]),
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix,
                               (bg.shape[1], bg.shape[0]))
    bg[mask > 0] = warped[mask > 0]
    return bg


def add_glare(img: np.ndarray, rng: random.Random) -> np.ndarray:  # any channel order
    """A specular highlight on glossy paper: a soft tilted ellipse, centred on some print,
    where the light is blended towards white (70-95 % at its core: print there is faint
    or gone) and fades out over a wider halo."""
    h, w = img.shape[:2]
    ys, xs = np.nonzero(img.max(axis=2) < 110)  # centred on black print (not a red seal)
    if len(xs):
        k = rng.randrange(len(xs))
        cx, cy = float(xs[k]), float(ys[k])
    else:
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    ax, ay = rng.uniform(0.10, 0.22) * w, rng.uniform(0.05, 0.12) * h
    angle = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - cx, yy - cy
    u = (dx * np.cos(angle) + dy * np.sin(angle)) / ax
    v = (-dx * np.sin(angle) + dy * np.cos(angle)) / ay
    r2 = u * u + v * v
    core = rng.uniform(0.7, 0.95)
    # a flat-topped core (print inside is lost) with a Gaussian halo around it
    strength = core * np.exp(-np.maximum(r2 - 0.35, 0) * 1.6)
    out = img.astype(np.float32)
    out += strength[:, :, None] * (255.0 - out)
    return np.asarray(out.clip(0, 255), dtype=np.uint8)


def photograph(page: Image.Image, conditions: Sequence[str], rng: random.Random,
               ) -> tuple[bytes, int]:
    """Applies the photo conditions; returns JPEG bytes and the clockwise rotation."""
    import cv2

    img = np.asarray(page.convert("RGB"))[:, :, ::-1].copy()
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    quality, rotated = rng.randrange(75, 92), 0
    for cond in conditions:
        if cond == "skew":
            angle = rng.choice((-1, 1)) * rng.uniform(1.5, 4.0)
            h, w = img.shape[:2]
            m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
            img = cv2.warpAffine(img, m, (w, h), borderValue=(250, 250, 250))
        elif cond == "perspective":
            img = _perspective(img, rng)
        elif cond == "shadow":
            h, w = img.shape[:2]
            x0 = rng.uniform(0.2, 0.8) * w
            ramp = np.clip((np.arange(w) - x0) / (0.25 * w), 0, 1)[None, :, None]
            depth = rng.uniform(0.35, 0.55)
            img = (img * (1 - depth * ramp)).astype(np.uint8)
        elif cond == "lowres":
            h, w = img.shape[:2]
            f = rng.uniform(0.55, 0.7)
            img = cv2.resize(img, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
        elif cond == "noise":
            img = (img + nrng.normal(0, rng.uniform(8, 14), img.shape)).clip(0, 255).astype(
                np.uint8)
        elif cond == "jpeg":
            quality = rng.randrange(35, 55)
    for cond in conditions:  # a turned page is turned last, as a camera would store it
        if cond.startswith("rot"):
            rotated = int(cond[3:])
            turn = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                    270: cv2.ROTATE_90_COUNTERCLOCKWISE}[rotated]
            img = cv2.rotate(img, turn)
    pil = Image.fromarray(img[:, :, ::-1])
    if "noise" in conditions:
        pil = pil.filter(ImageFilter.GaussianBlur(0.4))
    out = io.BytesIO()
    pil.save(out, "JPEG", quality=quality)
    return out.getvalue(), rotated


# ---------------------------------------------------------------- the set


def generate(out: Path, count: int, seed: int, types: Sequence[str] = TYPES,
             ) -> list[dict[str, Any]]:
    """Writes ``count`` documents per type under ``out/<type>/`` and ``out/truth.jsonl``;
    returns the truth lines. Fonts, layouts and conditions cycle so that every type meets
    each of them across a set."""
    rng = random.Random(seed)
    glare_rng = random.Random(f"glare-{seed}")  # its own stream: the rest of a set is unchanged
    fonts = available_fonts()
    if not fonts:
        raise SystemExit("no CJK font found (install fonts-noto-cjk)")
    truth: list[dict[str, Any]] = []
    for ti, doc_type in enumerate(types):
        (out / doc_type).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            doc = BUILDERS[doc_type](rng)
            layout = LAYOUTS[(ti + i) % len(LAYOUTS)]
            if doc.landscape and layout in ("table", "grid", "below"):
                layout = "lines"  # an ID card has no ruled layout, and no room for one
            font = fonts[(ti * 3 + i) % len(fonts)]
            conditions = [CONDITIONS[(ti * 2 + i) % len(CONDITIONS)]]
            extra = rng.choice(("skew", "shadow", "jpeg", "noise", "lowres", None))
            if extra and extra not in conditions and not (
                    extra == "skew" and conditions[0] == "perspective"):
                conditions.append(extra)
            page = render(doc, rng, layout, font)
            glare = glare_rng.random() < GLARE_SHARE
            if glare:  # on the paper itself, before it is photographed
                page = Image.fromarray(add_glare(np.asarray(page.convert("RGB")), glare_rng))
            data, rotated = photograph(page, conditions, rng)
            name = f"{doc_type}/h{seed}_{i:02d}.jpg"
            (out / name).write_bytes(data)
            line: dict[str, Any] = {
                "file": name, "type": doc_type, "fields": doc.fields, "missing": [],
                "quality": {"blurry": False, "rotated_degrees": rotated, "glare": glare},
                "variant": {"font": font[0], "layout": layout,
                            "conditions": [*conditions, "glare"] if glare else conditions}}
            if doc.rows is not None:
                line["rows"] = doc.rows
            truth.append(line)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for line in truth:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return truth


def read_set(root: Path, truth: Sequence[dict[str, Any]], engine: str = "rapidocr",
             ) -> list[dict[str, Any]]:
    """Predictions as ``doorstep extract --type auto`` prints them (file relative to root)."""
    from backend.documents.pipeline import extract_document

    preds = []
    for t in truth:
        result = extract_document((root / t["file"]).read_bytes(), "auto", engine=engine)
        preds.append({"file": t["file"], **result.to_json()})
    return preds


def field_accuracy(truth: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]],
                   ) -> dict[str, tuple[int, int]]:
    """(correct, total) per type, compared as the shared scorer does."""
    scorer = _scorer()
    by_file = {p["file"]: p for p in preds}
    out: dict[str, tuple[int, int]] = {}
    for t in truth:
        got = by_file.get(t["file"], {}).get("fields", {})
        right, total = out.get(t["type"], (0, 0))
        for key, value in t["fields"].items():
            total += 1
            right += key in got and scorer.normalise(key, got[key]) == scorer.normalise(key, value)
        out[t["type"]] = (right, total)
    return out


def _scorer() -> Any:
    import importlib.util

    import os

    shared = Path(os.environ.get("DOORSTEP_SHARED") or REPO.parent / "shared")
    path = shared / "tools" / "score_documents.py"
    spec = importlib.util.spec_from_file_location("score_documents", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=3, help="documents per type")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--out", help="directory for the set (default: a temporary one)")
    ap.add_argument("--engine", default="rapidocr")
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--details", action="store_true", help="print every wrong field")
    args = ap.parse_args()
    types = [t for t in args.types.split(",") if t]
    with tempfile.TemporaryDirectory(prefix="harder-docs-") as tmp:
        root = Path(args.out) if args.out else Path(tmp)
        truth = generate(root, args.count, args.seed, types)
        print(f"harder set: {len(truth)} images in {root} (seed {args.seed})")
        if args.no_score:
            return
        preds = read_set(root, truth, args.engine)
        (root / "predictions.jsonl").write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        report(truth, preds, args.details)


def report(truth: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]],
           details: bool) -> None:
    scorer = _scorer()
    by_file = {p["file"]: p for p in preds}
    types_right = sum(by_file[t["file"]].get("type") == t["type"] for t in truth)
    per_type = field_accuracy(truth, preds)
    print(f"type_accuracy={types_right}/{len(truth)} = {types_right / len(truth):.3f}")
    for doc_type, (right, total) in per_type.items():
        print(f"  {doc_type:28s} {right:4d}/{total:<4d} = {right / total:.3f}")
    right = sum(r for r, _ in per_type.values())
    total = sum(t for _, t in per_type.values())
    print(f"harder_field_accuracy={right / total:.3f} ({right}/{total})")
    if details:
        for t in truth:
            p = by_file[t["file"]]
            got = p.get("fields", {})
            wrong = {k: (v, got.get(k)) for k, v in t["fields"].items()
                     if scorer.normalise(k, got.get(k, "")) != scorer.normalise(k, v)}
            if wrong or p.get("type") != t["type"]:
                print(f"- {t['file']} {t['variant']} type={p.get('type')}")
                for k, (want, got) in wrong.items():
                    print(f"    {k}: want {want!r} got {got!r}")


if __name__ == "__main__":
    main()
