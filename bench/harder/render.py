"""Rendering a generated document onto a page: layouts, fonts, ruled tables, a red seal."""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFont

from bench.harder.model import Doc


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
