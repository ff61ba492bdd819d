"""Generated documents of people: ID card, marital status and no-housing certificates,
rental contract."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from backend.verification.amounts import format_amount
from bench.harder.model import Doc, Pair
from bench.harder.values import _ETHNICITIES, _address, _cn_date, _date, _id_number, _name


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
