"""Planted photo faults for measuring the quality signals and the confidence calibration.

Uses the documents of ``bench/harder_documents.py`` (its builders, renderer and photo
conditions, unchanged) and plants one fault per document, cycling, with its own random
stream, each recorded in the truth:

- ``blur``: a focus blur (Gaussian, sigma 0.21-0.30 % of the photo's width: 2.6-3.7 px on a
  1240 px page, as the blurred sample photos) → ``blurry``; ``motion``: a camera shake (a
  line kernel 1.1-1.6 % of the width, 14-20 px on a 1240 px page, any angle) → ``blurry``;
- ``soft``: a slightly soft photo (sigma 0.05-0.09 % of the width) still legible → not blurry
  (the honest negative a blur rule must not fire on);
- ``glare``: a specular highlight on the glossy page (``plant_glare``: a small spot, a wide
  patch or a streak from a tube light; core 75-100 % of the way to white, burnt out at the
  top of that range; a flat or a peaked top and a soft or a quick falloff; centred on or
  near print) → ``glare``;
- ``absent``: one field's label and value are not printed at all → ``missing``;
- ``whiteout``: one field's value is covered (its label stays) → ``missing``;
- ``none``: nothing planted.

Every photo is lit (``expose``, after the page's geometry, as the camera sees it): paper
at 190-240, not at 255, a little warm or cool, brighter towards where the lamp is (a
smooth falloff of up to 12 %). Glare is light added on top of that, so only glare takes
paper to white, as in a photo.

    .venv/bin/python bench/_degradations.py --count 2 --seed 41 --out DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import harder_documents as hd  # noqa: E402
from bench.harder.model import Doc, Pair  # noqa: E402
from bench.harder.photo import photograph  # noqa: E402
from bench.harder.render import render  # noqa: E402
from bench.harder.values import date_forms  # noqa: E402

PLANTS = ("none", "blur", "glare", "absent", "soft", "motion", "whiteout", "glare", "none")
BLURRY_PLANTS = frozenset({"blur", "motion"})
# Fields whose value others are computed from or that are not printed as a pair.
_NOT_PLANTABLE = frozenset({"query_result", "has_property", "loan_amount", "loan_amount_upper"})


def _motion_kernel(length: int, angle: float) -> np.ndarray:
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1.0
    m = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    turned = np.asarray(cv2.warpAffine(k, m, (length, length)), dtype=np.float32)
    return np.asarray(turned / max(float(turned.sum()), 1e-6), dtype=np.float32)


def blur_photo(data: bytes, plant: str, rng: random.Random) -> tuple[bytes, str]:
    """The photo (JPEG bytes) blurred as ``plant`` says, re-encoded as a camera would."""
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None
    img: Any = decoded
    # Strengths relative to the photo's width (text size follows it): on a 1240 px page a
    # focus blur of sigma 2.6-3.7 px and a shake of 14-20 px, as the blurred sample photos.
    width = img.shape[1]
    if plant == "blur":
        sigma = rng.uniform(0.0021, 0.003) * width
        img, how = cv2.GaussianBlur(img, (0, 0), sigma), f"gaussian sigma={sigma:.1f}"
    elif plant == "soft":
        sigma = rng.uniform(0.0005, 0.0009) * width
        img, how = cv2.GaussianBlur(img, (0, 0), sigma), f"gaussian sigma={sigma:.1f}"
    else:
        length, angle = max(5, round(rng.uniform(0.011, 0.016) * width)), rng.uniform(0, 180)
        img = cv2.filter2D(img, -1, _motion_kernel(length, angle))
        how = f"motion len={length} angle={angle:.0f}"
    ok, out = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, rng.randrange(70, 90)])
    assert ok
    return out.tobytes(), how


def expose(page: np.ndarray, rng: random.Random) -> np.ndarray:
    """The photo (any channel order) as a camera exposes it under room light: paper at
    190-240, tinted, with a smooth fall-off of the light away from the lamp's side."""
    h, w = page.shape[:2]
    gain = rng.uniform(190, 240) / 255.0
    tint = np.array([rng.uniform(0.97, 1.03) for _ in range(3)], np.float32)
    cx, cy = rng.uniform(-0.2, 1.2) * w, rng.uniform(-0.2, 1.2) * h
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    falloff = rng.uniform(0.0, 0.12) * ((xx - cx) ** 2 + (yy - cy) ** 2) / float(w * w + h * h)
    light = gain * (1.0 - falloff)
    out = page.astype(np.float32) * light[:, :, None] * tint[None, None, :]
    return np.asarray(out.clip(0, 255), dtype=np.uint8)


_GLARE_SHAPES = {  # (long axis, short/long) as shares of the page's width
    "spot": ((0.05, 0.10), (0.6, 1.0)),
    "patch": ((0.10, 0.24), (0.45, 0.9)),
    "streak": ((0.25, 0.45), (0.08, 0.18)),
}


def plant_glare(page: np.ndarray, rng: random.Random) -> tuple[np.ndarray, str]:
    """A specular highlight over (or next to) print: light blended towards white, 75-100 %
    at the core (print there is faint or gone, paper burnt out), falling off smoothly."""
    h, w = page.shape[:2]
    shape = rng.choice(tuple(_GLARE_SHAPES))
    (a_lo, a_hi), (r_lo, r_hi) = _GLARE_SHAPES[shape]
    ax = rng.uniform(a_lo, a_hi) * w
    ay = ax * rng.uniform(r_lo, r_hi)
    # black print (not a red seal): dark strokes on much brighter paper, not the table a
    # photo at an angle shows round the page
    darkest = page.max(axis=2)
    paper_near = cv2.dilate(darkest, np.ones((9, 9), np.uint8))
    ys, xs = np.nonzero((darkest < 110) & (paper_near.astype(np.int16) - darkest >= 60))
    if len(xs):
        k = rng.randrange(len(xs))
        cx = float(xs[k]) + rng.uniform(-0.4, 0.4) * ax
        cy = float(ys[k]) + rng.uniform(-0.4, 0.4) * ay
    else:
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    angle = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - cx, yy - cy
    u = (dx * np.cos(angle) + dy * np.sin(angle)) / ax
    v = (-dx * np.sin(angle) + dy * np.cos(angle)) / ay
    r2 = u * u + v * v
    core, flat, fall = rng.uniform(0.75, 1.0), rng.uniform(0.1, 0.5), rng.uniform(0.8, 3.0)
    strength = core * np.exp(-np.maximum(r2 - flat, 0) * fall)
    out = page.astype(np.float32)
    # the top of the range burns out: the sensor clips before the blend reaches white
    out += strength[:, :, None] * (255.0 - out) * (1.0 + 0.3 * (core > 0.92))
    how = f"{shape} {ax / w:.2f}x{ay / w:.2f} core={core:.2f} flat={flat:.2f} fall={fall:.1f}"
    return np.asarray(out.clip(0, 255), dtype=np.uint8), how


def light_photo(data: bytes, glare: bool, light_rng: random.Random,
                glare_rng: random.Random) -> tuple[bytes, str]:
    """The photo (JPEG bytes) exposed as a camera does, with a highlight when ``glare``;
    re-encoded (light acts on the picture the camera takes, after the page's geometry)."""
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None
    img, how = expose(np.asarray(decoded, np.uint8), light_rng), ""
    if glare:
        img, how = plant_glare(img, glare_rng)
    quality = light_rng.randrange(85, 95)
    ok, out = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return out.tobytes(), how


def _printed_forms(value: str) -> tuple[str, ...]:
    """The ways the pages print a value (a date in any of the harder set's forms)."""
    try:
        return date_forms(dt.date.fromisoformat(value))
    except ValueError:
        return (value,)


def plant_field(doc: Doc, plant: str, rng: random.Random) -> list[str]:
    """Removes one field's pair (``absent``) or its value (``whiteout``); the names of the
    fields no longer on the page (a lease's start goes with its end when one pair prints
    自…起至…止), the chosen one first; empty when no field can be removed."""
    options = []
    printed_only_in: dict[str, int] = {}
    for name, value in doc.fields.items():
        if not isinstance(value, str) or len(value) < 2:
            continue
        # A value that the page also prints in its other text (婚姻状况为… in the body)
        # stays legible when its pair is removed: it would not be missing.
        others = (*doc.head, *doc.body, *doc.foot)
        # the choice looks for the value as stored (so every seed keeps its documents);
        # what goes with the pair is found in any form the page prints it
        holding = [i for i, p in enumerate(doc.pairs) if value in p.value]
        if len(holding) == 1 and not any(value in line for line in others) and (
                name not in _NOT_PLANTABLE):
            options.append((name, holding[0]))
        forms = _printed_forms(value)
        holding = [i for i, p in enumerate(doc.pairs) if any(f in p.value for f in forms)]
        if len(holding) == 1 and not any(f in line for line in others for f in forms):
            printed_only_in[name] = holding[0]
    if not options:
        return []
    name, index = rng.choice(options)
    if plant == "absent":
        del doc.pairs[index]
    else:
        pair = doc.pairs[index]
        doc.pairs[index] = Pair(pair.labels, "", pair.wide)
    gone = [name, *(other for other, i in printed_only_in.items()
                    if i == index and other != name)]
    for each in gone:
        del doc.fields[each]
    return gone


def generate(out: Path, count: int, seed: int, types: Sequence[str] = hd.TYPES,
             ) -> list[dict[str, Any]]:
    """Like ``harder_documents.generate`` (same layouts, fonts, conditions cycling), with
    one planted fault per document; writes ``out/truth.jsonl`` and returns the lines."""
    rng = random.Random(seed)
    plant_rng = random.Random(f"plant-{seed}")
    light_rng = random.Random(f"light-{seed}")
    fonts = hd.available_fonts()
    truth: list[dict[str, Any]] = []
    n = 0
    for ti, doc_type in enumerate(types):
        (out / doc_type).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            plant = PLANTS[(n + seed) % len(PLANTS)]
            n += 1
            doc = hd.BUILDERS[doc_type](rng)
            missing = []
            if plant in ("absent", "whiteout"):
                missing = plant_field(doc, plant, plant_rng)
                if not missing:
                    plant = "none"
            layout = hd.LAYOUTS[(ti + i + seed) % len(hd.LAYOUTS)]
            if doc.landscape and layout in ("table", "grid", "below"):
                layout = "lines"
            font = fonts[(ti * 3 + i + seed) % len(fonts)]
            conditions = [hd.CONDITIONS[(ti * 2 + i + seed) % len(hd.CONDITIONS)]]
            extra = rng.choice(("skew", "shadow", "jpeg", "noise", "lowres", None))
            if extra and extra not in conditions and not (
                    extra == "skew" and conditions[0] == "perspective"):
                conditions.append(extra)
            page = render(doc, rng, layout, font)
            data, rotated = photograph(page, conditions, rng)
            data, how = light_photo(data, plant == "glare", light_rng, plant_rng)
            if plant in ("blur", "motion", "soft"):
                data, how = blur_photo(data, plant, plant_rng)
            name = f"{doc_type}/p{seed}_{i:02d}.jpg"
            (out / name).write_bytes(data)
            line: dict[str, Any] = {
                "file": name, "type": doc_type, "fields": doc.fields, "missing": missing,
                "quality": {"blurry": plant in BLURRY_PLANTS, "rotated_degrees": rotated,
                            "glare": plant == "glare"},
                "variant": {"font": font[0], "layout": layout, "conditions": conditions,
                            "plant": plant, "fault": how}}
            if doc.rows is not None:
                line["rows"] = doc.rows
            truth.append(line)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for line in truth:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    truth = generate(Path(args.out), args.count, args.seed)
    print(f"{len(truth)} images in {args.out}")


if __name__ == "__main__":
    main()
