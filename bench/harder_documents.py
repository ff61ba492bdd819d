"""A harder evaluation set for document extraction, generated with a fixed seed.

The 40 sample photos share one font, one wording per label and one layout per type. This
renders synthetic documents of all eight types with other fonts (Noto Sans/Serif CJK,
WenQuanYi Zen Hei, AR PL UKai/UMing when installed), label variants (贷款金额/借款金额,
房屋坐落/房屋地址, spaced labels such as 姓 名, full/half-width or no colons), shuffled
field order, other layouts (one pair per line, two columns, ruled tables, value under its
label) and photo conditions (rotation 90/180/270, skew, perspective on a table, shadow,
strong JPEG compression, lower resolution, noise), each with its ground truth in the
format of ``tests/fixtures/documents/truth.jsonl``. About one photo in four also gets
glare (a soft elliptical specular highlight washing out the text under it; truth
``quality.glare``); that choice has its own random stream, so the documents and other
conditions a seed gives are the same as before glare was added.

    .venv/bin/python bench/harder_documents.py [--count 3] [--seed 7] [--types a,b]
        [--out DIR] [--keep] [--details] [--engine rapidocr]

Without ``--out`` the images go to a temporary directory (never committed). The set is
then read with the pipeline (what ``doorstep extract --type auto`` runs) and scored with
``tests/fixtures/score_documents.py`` (``--no-score`` only writes the set).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.harder.business_docs import (  # noqa: E402
    _business_licence,
    _loan_contract,
    _repayment_statement,
    _unit_form,
)
from bench.harder.model import Doc  # noqa: E402
from bench.harder.people_docs import _id_card, _marital, _no_housing, _rental  # noqa: E402
from bench.harder.photo import add_glare, photograph  # noqa: E402
from bench.harder.render import render  # noqa: E402

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


BUILDERS: dict[str, Callable[[random.Random], Doc]] = {
    "id_card": _id_card, "business_licence": _business_licence, "loan_contract": _loan_contract,
    "repayment_statement": _repayment_statement, "marital_status_certificate": _marital,
    "no_housing_certificate": _no_housing, "unit_registration_form": _unit_form,
    "rental_contract": _rental,
}


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

    path = REPO / "tests" / "fixtures" / "score_documents.py"
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
