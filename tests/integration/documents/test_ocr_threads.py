"""An OCR pool process reads a page on one thread, so N processes use N cores without
their engines' own thread pools fighting over them (issue 18: OCR that scales)."""

from __future__ import annotations

import os

import pytest

from backend.jobs import cpu
from tests.conftest import FIXTURES

# A table page: the most work per page (detection, many lines, rereads with Tesseract).
PAGE = FIXTURES / "repayment_statement"
BUSY_TICKS = 5  # clock ticks (10 ms) a helper thread may spend: start-up, result queue


def _read_and_count_thread_ticks(path: str) -> tuple[int, dict[int, int]]:
    from pathlib import Path

    from backend.documents.ocr_task import read_image

    output = read_image(Path(path).read_bytes(), None)
    assert "error" not in output
    ticks = {}
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks[int(tid)] = int(fields[11]) + int(fields[12])  # utime + stime
    return os.getpid(), ticks


@pytest.mark.engine_independent
def test_a_pool_process_does_its_ocr_on_its_main_thread_alone() -> None:
    page = next(p for p in sorted(PAGE.iterdir()) if p.suffix == ".jpg")
    pool = cpu.create_pool(1)
    try:
        pid, ticks = pool.submit(_read_and_count_thread_ticks, str(page)).result(timeout=300)
    finally:
        pool.shutdown(wait=True)
    helpers = {tid: used for tid, used in ticks.items() if tid != pid}
    assert ticks[pid] > 50, "the page should have taken the main thread a while"
    assert all(used <= BUSY_TICKS for used in helpers.values()), (
        f"threads besides the main one computed: {helpers} (main: {ticks[pid]})"
    )
