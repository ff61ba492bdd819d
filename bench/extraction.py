"""Extraction benchmark: accuracy on the sample fixtures, speed against the Tesseract CLI,
and throughput with 1 vs 2 worker processes.

    .venv/bin/python bench/extraction.py [--quick] [--engines rapidocr,tesseract]
                                         [--fixtures DIR] [--quality] [--harder N]

Fixtures: --fixtures, $DOORSTEP_FIXTURES or the repository's tests/fixtures/documents; scored
with tests/fixtures/score_documents.py (the shared scorer, vendored; its output is printed
as is). Speed figures are ratios against a baseline measured in the same run on the same
pages, each page timed on both sides in turn; they are benchmarks, not timed tests.

``--harder N`` also scores the first engine on the generated harder set
(``bench/harder_documents.py``: N documents per type, seed 7, other fonts, label
wordings, layouts and photo conditions), per type.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def fixtures_dir(arg: str | None) -> Path:
    for candidate in (arg, os.environ.get("DOORSTEP_FIXTURES"),
                      str(REPO / "tests" / "fixtures" / "documents")):
        if candidate and (Path(candidate) / "truth.jsonl").exists():
            return Path(candidate)
    sys.exit("fixtures not found: set DOORSTEP_FIXTURES or pass --fixtures")


def load_truth(root: Path) -> list[dict[str, Any]]:
    with (root / "truth.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pick(truth: list[dict[str, Any]], quick: bool) -> list[dict[str, Any]]:
    """--quick: every other image in file order (all types, a mix of photo conditions)."""
    return truth[::2] if quick else truth


def run_pipeline(root: Path, items: list[dict[str, Any]], engine: str,
                 quality: bool) -> tuple[list[dict[str, Any]], list[float], list[float]]:
    from backend.documents.ocr import get_engine
    from backend.documents.pipeline import extract_document

    get_engine(engine)  # load models before timing
    preds, times, cpu = [], [], []
    for t in items:
        data = (root / t["file"]).read_bytes()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = extract_document(data, "auto", engine=engine)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        line = {"file": t["file"], **result.to_json()}
        preds.append(line)
        if quality:
            blur = [c["evidence"] for c in line["checks"] if c["code"] == "IMAGE_BLURRY"]
            print(f"  {t['file']:45s} blurry={line['quality']['blurry']!s:5s} "
                  f"truth={t['quality']['blurry']!s:5s} glare={line['quality']['glare']!s:5s} "
                  f"truth={t['quality']['glare']!s:5s} {blur}")
    return preds, times, cpu


def score(root: Path, items: list[dict[str, Any]], preds: list[dict[str, Any]]) -> str:
    tool = REPO / "tests" / "fixtures" / "score_documents.py"
    with tempfile.TemporaryDirectory() as tmp:
        truth_path, pred_path = Path(tmp) / "truth.jsonl", Path(tmp) / "pred.jsonl"
        truth_path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in items),
                              encoding="utf-8")
        pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds),
                             encoding="utf-8")
        done = subprocess.run([sys.executable, str(tool), str(truth_path), str(pred_path)],
                              capture_output=True, text=True, check=True)
    return done.stdout


def table_rows_accuracy(items: list[dict[str, Any]], preds: list[dict[str, Any]]) -> str:
    """Repayment-table cells (date, principal, interest, total, balance) equal to the
    truth's rows, over legible statements."""
    by_file = {p["file"]: p for p in preds}
    right = total = 0
    for t in items:
        if "rows" not in t or t["quality"].get("blurry"):
            continue
        got = {r["period"]: r for r in by_file.get(t["file"], {}).get("rows") or []}
        for row in t["rows"]:
            mine = got.get(row["period"], {})
            for key in ("date", "principal", "interest", "total", "balance"):
                total += 1
                right += mine.get(key) == row[key]
    return f"repayment_table_cells: {right}/{total} = {right / total:.3f}" if total else ""


def missing_on_legible(items: list[dict[str, Any]], preds: list[dict[str, Any]]) -> str:
    """Missing-field P/R leaving out deliberately blurred photos (whose unread fields the
    pipeline lists as missing, as the spec asks, while the truth does not)."""
    by_file = {p["file"]: p for p in preds}
    tp = fp = fn = 0
    for t in items:
        if t["quality"].get("blurry"):
            continue
        truth_missing = set(t.get("missing", []))
        predicted = set(by_file.get(t["file"], {}).get("missing") or [])
        tp += len(truth_missing & predicted)
        fp += len(predicted - truth_missing)
        fn += len(truth_missing - predicted)
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"missing_fields_on_legible: precision={p:.3f} recall={r:.3f}"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tesseract_cli_cpu(exe: str, image: Path) -> float:
    """CPU seconds of one bare ``tesseract IMAGE - -l chi_sim+eng --psm 6`` (the baseline
    issue 13 names)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start_cpu = _children_cpu()
    subprocess.run([exe, str(image), "-", "-l", "chi_sim+eng", "--psm", "6"],
                   env=env, capture_output=True, check=False)
    return _children_cpu() - start_cpu


def interleaved_speed(root: Path, items: list[dict[str, Any]], engine: str,
                      rounds: int) -> tuple[list[float], list[float]] | None:
    """CPU seconds per page of the pipeline and of the bare tesseract CLI, timed page by
    page in turn (which side goes first alternates), so that a machine whose speed drifts
    during the run slows both sides alike instead of landing in the ratio."""
    from backend.documents.ocr import get_engine

    exe = shutil.which("tesseract")
    if exe is None:
        return None
    get_engine(engine)  # load models before timing
    pipeline_cpu, cli_cpu = [], []
    for round_ in range(rounds):
        for index, t in enumerate(items):
            image = root / t["file"]
            if (index + round_) % 2:
                cli_cpu.append(_tesseract_cli_cpu(exe, image))
                pipeline_cpu.append(_worker_run((str(image), engine)))
            else:
                pipeline_cpu.append(_worker_run((str(image), engine)))
                cli_cpu.append(_tesseract_cli_cpu(exe, image))
    return pipeline_cpu, cli_cpu


def _worker_init(engine: str) -> None:
    from backend.documents.ocr import get_engine

    get_engine(engine)


def _worker_run(args: tuple[str, str]) -> float:
    """CPU seconds the worker spent on one page."""
    from backend.documents.pipeline import extract_document

    path, engine = args
    start = time.process_time()
    extract_document(Path(path).read_bytes(), "auto", engine=engine)
    return time.process_time() - start


def throughput(root: Path, items: list[dict[str, Any]], engine: str,
               processes: int) -> tuple[float, float]:
    """Pages per second with ``processes`` worker processes (engines loaded beforehand),
    and CPU seconds per page inside the workers (equal in both modes when nothing in a
    process contends with the other; wall time also reflects other load on the machine)."""
    # Spawned processes find the functions by their module's import name; under
    # `python -m bench` this file runs as __main__, which they cannot import.
    worker = importlib.import_module("bench.extraction")
    jobs = [(str(root / t["file"]), engine) for t in items]
    ctx = mp.get_context("spawn")
    with ctx.Pool(processes, initializer=worker._worker_init, initargs=(engine,)) as pool:
        pool.map(worker._worker_run, jobs[:processes], chunksize=1)  # warm every worker
        start = time.perf_counter()
        cpu = pool.map(worker._worker_run, jobs, chunksize=1)
        return len(jobs) / (time.perf_counter() - start), statistics.fmean(cpu)


def harder(count: int, engine: str) -> None:
    from bench import harder_documents as hd

    print(f"\n== harder set: {count} per type, engine {engine} ==")
    with tempfile.TemporaryDirectory(prefix="harder-docs-") as tmp:
        truth = hd.generate(Path(tmp), count, 7)
        hd.report(truth, hd.read_set(Path(tmp), truth, engine), details=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="every other image (half the set)")
    ap.add_argument("--fixtures")
    ap.add_argument("--engines", default="rapidocr,tesseract",
                    help="engines to score; the first is the default pipeline")
    ap.add_argument("--quality", action="store_true", help="print quality decisions per image")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed comparisons")
    ap.add_argument("--speed-rounds", type=int, default=2, metavar="N",
                    help="times each page is timed on both sides for the speed goal")
    ap.add_argument("--harder", type=int, default=0, metavar="N",
                    help="also score N generated documents per type (bench/harder_documents.py)")
    args = ap.parse_args()
    root = fixtures_dir(args.fixtures)
    items = pick(load_truth(root), args.quick)
    engines = [e for e in args.engines.split(",") if e]
    print(f"fixtures: {root} ({len(items)} images)")
    for engine in engines:
        print(f"\n== engine: {engine} ==")
        preds, times, cpu = run_pipeline(root, items, engine, args.quality)
        print(score(root, items, preds).rstrip())
        print(missing_on_legible(items, preds))
        print(table_rows_accuracy(items, preds))
        print(f"seconds_per_page={statistics.fmean(times):.2f} wall, "
              f"{statistics.fmean(cpu):.2f} cpu (median wall {statistics.median(times):.2f})")
    if args.harder:
        harder(args.harder, engines[0])
    if args.no_speed:
        return
    print("\n== speed ==")
    speed = interleaved_speed(root, items, engines[0], args.speed_rounds)
    if speed:
        pipeline_cpu, cli_cpu = speed
        ratio = sum(pipeline_cpu) / sum(cli_cpu)
        per_page = sorted(p / c for p, c in zip(pipeline_cpu, cli_cpu, strict=True))
        print(f"tesseract_cli_cpu_seconds_per_page={statistics.fmean(cli_cpu):.2f} "
              f"pipeline_{engines[0]}={statistics.fmean(pipeline_cpu):.2f} "
              f"(OMP_THREAD_LIMIT=1, chi_sim+eng, psm 6; {len(cli_cpu)} pages each, "
              "timed in turn page by page)")
        print(f"per-page ratio: median {statistics.median(per_page):.2f}, "
              f"range {per_page[0]:.2f}-{per_page[-1]:.2f}")
        print(f"goal speed <= 1.3x bare tesseract (cpu, same pages): "
              f"{ratio:.2f} {'met' if ratio <= 1.3 else 'NOT MET'}")
    one, cpu_one = throughput(root, items, engines[0], 1)
    two, cpu_two = throughput(root, items, engines[0], 2)
    print(f"throughput_1_process={one:.2f} pages/s  throughput_2_processes={two:.2f} pages/s  "
          f"ratio={two / one:.2f} (goal >= 1.8)")
    print(f"worker_cpu_seconds_per_page: 1 process {cpu_one:.2f}, 2 processes {cpu_two:.2f}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
