"""Invented values for the harder set: names, dates, ID numbers, credit codes, addresses."""

from __future__ import annotations

import datetime as dt
import random

from backend.verification.validators import (
    USCC_ALPHABET,
    id_check_character,
    uscc_check_character,
)

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


def date_forms(day: dt.date) -> tuple[str, ...]:
    """Every way the generated pages print a date."""
    return (f"{day.year}年{day.month}月{day.day}日",
            f"{day.year}年{day.month:02d}月{day.day:02d}日",
            f"{day:%Y-%m-%d}", f"{day:%Y.%m.%d}", f"{day:%Y/%m/%d}")


def _cn_date(day: dt.date, rng: random.Random) -> str:
    return rng.choice(date_forms(day))


def months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
