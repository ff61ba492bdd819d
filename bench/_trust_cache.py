"""Reads a generated set once and keeps what the quality and confidence tuning needs.

For each image: the OCR lines (text, box, score, character scores), the rotation, the
quality metrics and the prediction, one JSON line each, so that rules applied after OCR
(calibration, quality thresholds, missing vs unreadable) can be re-run in seconds instead
of re-reading pages.

    .venv/bin/python bench/_trust_cache.py --set degradations --seed 41 --count 2 --out DIR
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def read_one(data: bytes, engine: str = "rapidocr") -> dict[str, Any]:
    """The pipeline's steps (as ``extract_document`` runs them), keeping the OCR page."""
    from backend.documents.ocr import get_engine
    from backend.documents.pipeline import extract_from_page
    from backend.documents.preprocess import decode_image, prepare
    from backend.documents.quality import measure

    photo = decode_image(data)
    page_image, _ = prepare(photo)
    ocr = get_engine(engine)
    page = ocr.read_page(page_image)
    metrics = measure(page.image if page.image is not None else page_image, page.lines,
                      ocr.unsure_below, photo=photo)
    result = extract_from_page(page, "auto", metrics)
    return {
        "lines": [[ln.text, [list(p) for p in ln.quad], ln.score, list(ln.char_scores)]
                  for ln in page.lines],
        "rotated": page.rotated_degrees, "width": page.width, "height": page.height,
        "engine": page.engine, "unsure_below": ocr.unsure_below,
        "metrics": dataclasses.asdict(metrics),
        "pred": result.to_json(),
        "raw_confidence": getattr(result, "raw_confidence", None) or result.confidence,
    }


def collect(root: Path, truth: list[dict[str, Any]], out: Path, engine: str) -> None:
    done = set()
    if out.exists():
        done = {json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()}
    with out.open("a", encoding="utf-8") as fh:
        for t in truth:
            if t["file"] in done:
                continue
            rec = {"file": t["file"], "truth": t, **read_one((root / t["file"]).read_bytes(),
                                                             engine)}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", choices=("degradations", "harder", "fixtures"), required=True)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--count", type=int, default=2)
    ap.add_argument("--out", required=True, help="the cache file (JSONL, appended)")
    ap.add_argument("--engine", default="rapidocr")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="trust-set-") as tmp:
        root = Path(tmp)
        if args.set == "degradations":
            from bench import _degradations as degradations

            truth = degradations.generate(root, args.count, args.seed)
        elif args.set == "harder":
            from bench import harder_documents

            truth = harder_documents.generate(root, args.count, args.seed)
        else:
            shared = Path(os.environ.get("DOORSTEP_SHARED", REPO.parent / "shared"))
            root = shared / "fixtures" / "documents"
            truth = [json.loads(line) for line in
                     (root / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
        collect(root, truth, Path(args.out), args.engine)


if __name__ == "__main__":
    main()
