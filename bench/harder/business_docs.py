"""Generated documents of companies and loans: business licence, loan contract, repayment
statement, unit registration form."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from backend.verification.amounts import format_amount, to_upper_amount
from bench.harder.model import Doc, Pair
from bench.harder.values import (
    _BANKS,
    _COMPANY_TYPES,
    _address,
    _cn_date,
    _company,
    _date,
    _id_number,
    _name,
    _uscc,
    months_before,
)


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
