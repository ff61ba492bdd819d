"""A slice of the variety set (bench/variety_documents.py) through the real pipeline: one
document of each type with label wordings outside the synonym tables, statements with
their columns in another order and wording, dot-matrix print, seals over text, screens,
photocopies of photocopies, JPEG 30-60 and 800 px photos, and pages of other papers.
The full tuned and held-out sets are measured by ``just bench``; this keeps a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import harder_documents as hd
from bench.variety_documents import HELD_OUT_SEED, TUNING_SEED, generate, summary

pytestmark = pytest.mark.engine_independent  # its own SQLite or none: once is enough

SEED = 103  # neither the tuning nor the held-out seed
MIN_FIELD_ACCURACY = 0.93


def test_one_document_of_each_type_unlike_the_fixtures(tmp_path: Path) -> None:
    assert SEED not in (TUNING_SEED, HELD_OUT_SEED)
    truth, negatives = generate(tmp_path, 1, SEED, negatives=1)
    assert [t["type"] for t in truth] == list(hd.TYPES)
    s = summary(truth, hd.read_set(tmp_path, truth), negatives, hd.read_set(tmp_path, negatives))
    right, total = s["fields"]
    assert right / total >= MIN_FIELD_ACCURACY, s["per_type"]
    assert s["type"][0] == s["type"][1]  # every page typed right, the other paper as none
    assert all(n - r <= 2 for r, n in s["per_type"].values()), s["per_type"]
