"""Fits the confidence calibration (``backend/documents/calibration.json``) and measures it.

Input: caches written by ``bench/_trust_cache.py`` (each image's truth, prediction, raw
engine scores and quality metrics). Every field read becomes one example — right or wrong
as the shared scorer compares values — with the features of
``backend.documents.calibration.features``; a logistic model with a small L2 penalty is
fitted by Newton's method on the tuning caches and written as the table. The held-out
caches (a seed never looked at while tuning) are only measured.

    .venv/bin/python bench/_calibrate.py --tune A.jsonl,B.jsonl --held-out C.jsonl [--write]

Goal (issue 13): fields at or above the threshold ≥ 99.5 % right while covering ≥ 90 % of
the legible fields (fields of photos that are not deliberately blurred).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from backend.documents.calibration import (  # noqa: E402
    DEFAULT_THRESHOLD,
    FEATURES,
    TABLE_PATH,
    features,
    probability,
    table,
)
from backend.documents.checks import Check  # noqa: E402
from backend.documents.fields import FieldValue  # noqa: E402
from backend.documents.layout import build_rows  # noqa: E402
from backend.documents.ocr.base import OcrLine  # noqa: E402
from backend.documents.quality import QualityMetrics  # noqa: E402

# The penalty on every weight but the bias. Fitted on about 1,000 fields read: a lighter
# penalty than 1.0 lets rare rule flags (a value of the wrong shape: 贵州省贵阳 as an
# address) weigh what they show instead of being shrunk under a high engine score.
L2 = 0.3


def _scorer() -> Any:
    shared = Path(os.environ.get("DOORSTEP_SHARED", REPO.parent / "shared"))
    path = shared / "tools" / "score_documents.py"
    spec = importlib.util.spec_from_file_location("score_documents", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(paths: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def examples(records: Sequence[dict[str, Any]]) -> list[tuple[dict[str, float], bool, bool]]:
    """(features, right, legible) for every field read whose truth is known."""
    scorer = _scorer()
    out = []
    for rec in records:
        pred, truth = rec["pred"], rec["truth"]
        doc_type = pred.get("type")
        if doc_type is None or doc_type != truth["type"]:
            continue
        raw = rec.get("raw_confidence") or pred.get("confidence", {})
        fields = {k: FieldValue(_text(v), float(raw.get(k, 0.5)))
                  for k, v in pred["fields"].items()}
        checks = [Check(c["code"], c["severity"], c.get("field"), c.get("message", ""))
                  for c in pred.get("checks", [])]
        m = rec["metrics"]
        # the cache holds the metrics as measured; an older one lacks the later ones,
        # which then take their defaults
        metrics = QualityMetrics(**m)
        legible = not truth["quality"].get("blurry")
        rows = build_rows([OcrLine(text, tuple(tuple(pt) for pt in quad), score,  # type: ignore[arg-type]
                                   tuple(more[0]) if more else ())
                           for text, quad, score, *more in rec["lines"]])
        for name in fields:
            if name not in truth["fields"]:
                right = False  # read where nothing is printed
            else:
                right = (scorer.normalise(name, pred["fields"][name])
                         == scorer.normalise(name, truth["fields"][name]))
            feats = features(doc_type, name, fields, checks, metrics, rows, pred.get("rows"))
            out.append((feats, right, legible))
    return out


def _text(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def fit(data: Sequence[tuple[dict[str, float], bool, bool]]) -> dict[str, float]:
    x = np.array([[f[name] for name in FEATURES] for f, _, _ in data], dtype=np.float64)
    y = np.array([1.0 if right else 0.0 for _, right, _ in data])
    w = np.zeros(len(FEATURES))
    penalty = np.full(len(FEATURES), L2)
    penalty[FEATURES.index("bias")] = 1e-3
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return {name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)}


def legible_fields(records: Sequence[dict[str, Any]]) -> int:
    """Fields printed on photos that are not deliberately blurred (the truth's fields)."""
    return sum(len(r["truth"]["fields"]) for r in records
               if not r["truth"]["quality"].get("blurry"))


def measure(data: Sequence[tuple[dict[str, float], bool, bool]], weights: dict[str, float],
            threshold: float, total: int) -> dict[str, float]:
    """Over the ``total`` legible fields: the share read at/above the threshold (coverage),
    and how many of those are right (accuracy); plus the accuracy of all values read."""
    legible = [(probability(f, weights), right) for f, right, leg in data if leg]
    trusted = [right for p, right in legible if p >= threshold]
    return {
        "fields": total,
        "coverage": len(trusted) / total if total else 0.0,
        "accuracy_at_threshold": sum(trusted) / len(trusted) if trusted else 0.0,
        "accuracy_read": sum(r for _, r in legible) / len(legible) if legible else 0.0,
        "wrong_trusted": float(len(trusted) - sum(trusted)),
    }


def goal_line(name: str, m: dict[str, float]) -> str:
    met = m["coverage"] >= 0.90 and m["accuracy_at_threshold"] >= 0.995
    return (f"goal confidence ({name}): accuracy at threshold {m['accuracy_at_threshold']:.4f} "
            f"(>= 0.995), coverage {m['coverage']:.3f} (>= 0.90) of {int(m['fields'])} "
            f"legible fields ({int(m['wrong_trusted'])} wrong at or above): "
            f"{'met' if met else 'NOT met'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tune", required=True, help="comma-separated caches to fit on")
    ap.add_argument("--held-out", default="", help="comma-separated caches only measured")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--write", action="store_true", help=f"write {TABLE_PATH.name}")
    ap.add_argument("--committed", action="store_true",
                    help=f"measure the weights in {TABLE_PATH.name} instead of fitting")
    args = ap.parse_args()
    tune_records = load(args.tune.split(","))
    tune = examples(tune_records)
    weights = dict(table()["weights"]) if args.committed else fit(tune)
    print(json.dumps(weights, ensure_ascii=False))
    tuned = measure(tune, weights, args.threshold, legible_fields(tune_records))
    print(goal_line("tuned", tuned))
    held = None
    if args.held_out:
        held_records = load(args.held_out.split(","))
        held = measure(examples(held_records), weights, args.threshold,
                       legible_fields(held_records))
        print(goal_line("held-out", held))
    if args.write:
        fitted = {"weights": weights, "threshold": args.threshold,
                 "fitted_on": {"caches": [Path(p).name for p in args.tune.split(",")],
                               "examples": len(tune), "measured": tuned},
                 "held_out": {"caches": [Path(p).name for p in args.held_out.split(",") if p],
                              "measured": held}}
        TABLE_PATH.write_text(json.dumps(fitted, ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
        print(f"wrote {TABLE_PATH}")


if __name__ == "__main__":
    main()
