"""Pages and looks for the variety set: repayment statements in any column order, other
documents (negatives), dot-matrix print, seals over text, screens and photocopies."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from backend.verification.amounts import format_amount
from bench import harder_documents as hd
from bench._variety_labels import COLUMN_WORDS, POOLS
from bench.harder import values as hv
from bench.harder.render import _Painter

Font = tuple[str, str, int]


def _date_form(rng: random.Random) -> str:
    return rng.choice(("iso", "slash", "dot", "compact", "cn"))


def _fmt_date(day: dt.date, form: str) -> str:
    return {"iso": f"{day:%Y-%m-%d}", "slash": f"{day:%Y/%m/%d}", "dot": f"{day:%Y.%m.%d}",
            "compact": f"{day:%Y%m%d}", "cn": f"{day.year}年{day.month:02d}月{day.day:02d}日"}[form]


def _fmt_amount(value: Decimal, form: str) -> str:
    return {"plain": f"{value:.2f}", "comma": f"{value:,.2f}", "yuan": f"¥{value:,.2f}"}[form]


def statement_page(rng: random.Random, font: Font) -> tuple[hd.Doc, Image.Image]:
    """A repayment statement: columns in any order and wording, portrait or landscape."""
    name = hv._name(rng)
    account = "".join(str(rng.randrange(10)) for _ in range(rng.choice((16, 18, 19))))
    balance = Decimal(rng.randrange(20, 90) * 10000)
    principal = (balance / rng.choice((180, 240, 360))).quantize(Decimal("0.01"))
    rate = Decimal(rng.choice(("0.031", "0.0285", "0.0325"))) / 12
    n = rng.randrange(6, 23)
    first = dt.date(rng.randrange(2021, 2025), rng.randrange(1, 13), rng.choice((5, 15, 20, 28)))
    rows: list[dict[str, Any]] = []
    for i in range(n):
        y, m = divmod(first.year * 12 + first.month - 1 + i, 12)
        day = dt.date(y, m + 1, first.day)
        interest = (balance * rate).quantize(Decimal("0.01"))
        balance -= principal
        rows.append({"period": i + 1, "date": day, "principal": principal,
                     "interest": interest, "total": principal + interest, "balance": balance})
    stated = rows[-1]["date"] + dt.timedelta(days=rng.randrange(1, 25))
    start = hv.months_before(stated, 12)
    fields = {"borrower_name": name, "loan_account": account,
              "statement_date": stated.isoformat(),
              "last_12_months_total": format_amount(sum(
                  (r["total"] for r in rows if start < r["date"] <= stated), Decimal(0))),
              "total_principal_paid": format_amount(sum((r["principal"] for r in rows),
                                                        Decimal(0))),
              "total_interest_paid": format_amount(sum((r["interest"] for r in rows), Decimal(0))),
              "total_paid": format_amount(sum((r["total"] for r in rows), Decimal(0))),
              "row_count": str(n)}
    columns = ["date", "principal", "interest"]
    columns += [c for c in ("total", "balance") if rng.random() < 0.8]
    rng.shuffle(columns)
    if rng.random() < 0.8:
        columns.insert(0 if rng.random() < 0.7 else len(columns), "period")
    dform, aform = _date_form(rng), rng.choice(("plain", "comma", "yuan"))
    header = [rng.choice(COLUMN_WORDS[c]) for c in columns]
    body = [[str(r["period"]) if c == "period" else _fmt_date(r["date"], dform) if c == "date"
             else _fmt_amount(r[c], aform) for c in columns] for r in rows]
    if rng.random() < 0.5:  # a printed totals row, labelled in its date column
        body.append(["合计" if c == "date" else "" if c in ("period", "balance")
                     else _fmt_amount(sum((r[c] for r in rows), Decimal(0)), aform)
                     for c in columns])
    pools = POOLS["repayment_statement"]
    pairs = [(rng.choice(pools["借款人姓名"]), name), (rng.choice(pools["贷款账号"]), account),
             (rng.choice(pools["打印日期"]), hv._cn_date(stated, rng)),
             ("还款方式", rng.choice(("等额本息", "等额本金")))]
    rng.shuffle(pairs)
    landscape = rng.random() < 0.45
    page = _draw_statement(rng, font, landscape, pairs, header, body, n)
    doc = hd.Doc("repayment_statement", "", fields, [],
                 rows=[{"period": r["period"], "date": r["date"].isoformat(),
                        **{k: str(r[k]) for k in ("principal", "interest", "total", "balance")}}
                       for r in rows])
    return doc, page


def _draw_statement(rng: random.Random, font: Font, landscape: bool,
                    pairs: list[tuple[str, str]], header: list[str], body: list[list[str]],
                    n: int) -> Image.Image:
    size = (1754, 1240) if landscape else (1240, 1754)
    pt = rng.randrange(24, 30)
    pa = _Painter(size, font[1], font[2], pt)
    margin, right = 80, size[0] - 80
    title = rng.choice(("个人住房公积金贷款还款明细", "住房公积金贷款还款记录",
                        "公积金个人贷款还款明细表", "个人贷款还款流水"))
    tf = pa.sized(pt + 12)
    pa.text(((size[0] - pa.width(title, tf)) / 2, 60), title, tf)
    y = 60 + (pt + 12) * 2.2
    per_line = 2 if landscape or rng.random() < 0.5 else 1
    colon = rng.choice(("：", ":", " "))
    for k in range(0, len(pairs), per_line):
        for j, (label, value) in enumerate(pairs[k:k + per_line]):
            x = margin + j * (right - margin) / per_line
            pa.text((x, y), f"{label}{colon}{value}")
        y += pt * 1.9
    y += pt * 0.5
    bottom = size[1] - 150
    row_h = min(int(pt * 1.6), int((bottom - y) / (len(body) + 1)))
    font_ = pa.sized(max(15, min(pt - 4, int(row_h * 0.62))))
    weights = [0.6 if h in COLUMN_WORDS["period"] else 1.3 if h in COLUMN_WORDS["date"] else 1.0
               for h in header]
    xs = [float(margin)]
    for w in weights:
        xs.append(xs[-1] + w / sum(weights) * (right - margin))
    ruled = rng.random() < 0.7
    for ri, cells in enumerate([header, *body]):
        for ci, text in enumerate(cells):
            if ruled:
                pa.draw.rectangle((xs[ci], y, xs[ci + 1], y + row_h), outline=(60, 60, 60),
                                  width=1)
            tw = pa.width(text, font_)
            x = (xs[ci] + xs[ci + 1] - tw) / 2 if ri == 0 or weights[ci] != 1.0 else \
                xs[ci + 1] - tw - 8
            pa.text((x, y + row_h * 0.15), text, font_)
        y += row_h
    y += pt
    if rng.random() < 0.6:
        pa.text((margin, y), f"共 {n} 条记录" if rng.random() < 0.5 else "第1页 共1页")
    return pa.image


# ---------------------------------------------------------------- looks


def dot_matrix(page: Image.Image, rng: random.Random) -> Image.Image:
    """Print made of dots (a 9/24-pin printer): strokes broken on a lattice, slightly grey."""
    arr = np.asarray(page.convert("RGB")).astype(np.int16)
    h, w = arr.shape[:2]
    step = rng.choice((4, 5))
    yy, xx = np.mgrid[0:h, 0:w]
    off = ((yy % step) == step - 1) | ((xx % step) == step - 1)
    dark = arr.max(axis=2) < 150
    arr[dark & off] = 190
    arr[dark & ~off] += 25
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(0.5))


def seal_over_text(page: Image.Image, rng: random.Random) -> Image.Image:
    """A red round seal stamped over the middle of the page's print (ink darkens)."""
    w, h = page.size
    r = rng.randrange(110, 160)
    ys, xs = np.nonzero(np.asarray(page.convert("L")) < 110)  # centred on some print
    k = rng.randrange(len(xs)) if len(xs) else -1
    cx, cy = (float(xs[k]), float(ys[k])) if k >= 0 else (0.5 * w, 0.4 * h)
    red = (rng.randrange(200, 235), rng.randrange(30, 80), rng.randrange(30, 80))
    seal = Image.new("RGB", page.size, (255, 255, 255))
    ink = ImageDraw.Draw(seal)
    ink.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=7)
    ink.regular_polygon((cx, cy, r * 0.3), 5, fill=red)
    return ImageChops.multiply(page.convert("RGB"), seal)


def screen_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    """A photo of the page shown on a monitor: pixel grid, moiré bands, bluish, less contrast."""
    arr = np.asarray(page.convert("RGB")).astype(np.float32)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    period = rng.uniform(5, 9)
    moire = 0.5 + 0.5 * np.sin((xx * np.cos(0.3) + yy * np.sin(0.3)) * 2 * np.pi / period)
    arr = 40 + arr * 0.72 - 18 * moire[:, :, None]
    arr[(yy.astype(int) % 3) == 0] *= 0.9  # scan lines
    arr *= np.array([0.92, 0.97, 1.06])
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def photocopy(page: Image.Image, rng: random.Random) -> Image.Image:
    """One generation of photocopying: grey, harder contrast, toner specks, a little blur."""
    grey = np.asarray(page.convert("L")).astype(np.float32)
    grey = (grey - 150) * 1.4 + 150 + rng.uniform(-10, 10)  # print darker, paper whiter
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    specks = nrng.random(grey.shape) < 0.002
    grey[specks] = 30
    img = Image.fromarray(grey.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    return img.convert("RGB")


# ---------------------------------------------------------------- negatives

_OTHERS = (
    ("收入证明", [("姓名", "name"), ("身份证号码", "id"), ("工作单位", "company"),
                  ("职务", "会计"), ("月收入", "8500.00元")],
     "兹证明以上情况属实，特此证明。"),
    ("常住人口登记卡", [("姓名", "name"), ("户主或与户主关系", "户主"), ("性别", "男"),
                        ("出生地", "贵州省六盘水市"), ("公民身份号码", "id")],
     "登记事项变更和更正记载"),
    ("银行卡交易明细", [("户名", "name"), ("卡号", "6222020402012345678"),
                        ("起止日期", "2025-01-01至2025-06-30")],
     "交易日期 摘要 收入 支出 余额"),
)


def other_document(rng: random.Random, font: Font, i: int) -> Image.Image:
    """A page of none of the eight types (what a wrong upload looks like)."""
    title, pairs, foot = _OTHERS[i % len(_OTHERS)]
    pa = _Painter((1240, 1754), font[1], font[2], 30)
    tf = pa.sized(44)
    pa.text(((1240 - pa.width(title, tf)) / 2, 80), title, tf)
    y = 220.0
    for label, value in pairs:
        value = {"name": hv._name(rng), "company": hv._company(rng),
                 "id": hv._id_number(rng, hv._date(rng, 1970, 2000), "男")}.get(value, value)
        pa.text((100, y), f"{label}：{value}")
        y += 70
    pa.text((100, y + 60), foot)
    return pa.image
