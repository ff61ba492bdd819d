"""The month-end load test's report (bench/peak.py): a Markdown file and an SVG chart of
latency, OCR backlog and memory over time, drawn here (no plotting library in the lock)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from bench._peak_clients import Recorder
from bench._peak_monitor import Sample

KINDS = ("push", "pull", "upload", "review", "public")
COLOURS = {"push": "#1d4ed8", "pull": "#059669", "upload": "#b45309", "review": "#7c3aed",
           "public": "#6b7280", "todo": "#dc2626", "done": "#1d4ed8", "app": "#059669",
           "worker": "#b45309", "lock": "#dc2626"}
WINDOW = 15.0  # seconds per point of the latency lines


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


@dataclass
class Drain:
    throughput: float  # OCR jobs finished per second, over the whole run
    drain_rate: float  # backlog fall per second after the load ended (nan when not seen)
    peak: int
    left: int  # jobs still waiting at the end of observation
    seconds_to_empty: float  # at the measured throughput, from the end of observation


def drain(samples: Sequence[Sample], load_end: float) -> Drain:
    last = samples[-1]
    # Throughput while there was work: finished jobs over the time the backlog was not empty.
    busy_time = busy_done = 0.0
    for before, after_ in itertools.pairwise(samples):
        if before.todo + before.doing > 0:
            busy_time += after_.at - before.at
            busy_done += after_.done - before.done
    throughput = busy_done / busy_time if busy_time > 0 else 0.0
    after = [s for s in samples if s.at >= load_end]
    rate = float("nan")
    if len(after) >= 2 and after[-1].at > after[0].at:
        queued = [s.todo + s.doing for s in after]
        rate = (queued[0] - queued[-1]) / (after[-1].at - after[0].at)
    left = last.todo + last.doing
    return Drain(throughput, rate, max(s.todo + s.doing for s in samples), left,
                 left / throughput if throughput > 0 else float("inf"))


def _windows(points: list[tuple[float, float]], end: float) -> list[tuple[float, float]]:
    """(window middle, p95 in ms) per WINDOW seconds with at least one call."""
    out = []
    start = 0.0
    while start < end:
        inside = [s for at, s in points if start <= at < start + WINDOW]
        if inside:
            out.append((start + WINDOW / 2, percentile(inside, 0.95) * 1000))
        start += WINDOW
    return out


def _panel(title: str, top: int, series: dict[str, list[tuple[float, float]]], end: float,
           unit: str) -> list[str]:
    """One chart panel 760×170 at ``top``: axes, a line per series, a legend."""
    left, width, height = 60, 680, 150
    peak = max([v for line in series.values() for _, v in line] or [1.0]) * 1.1 or 1.0
    parts = [f'<text x="{left}" y="{top - 6}" font-size="13" font-weight="bold">'
             f'{escape(title)}</text>',
             f'<rect x="{left}" y="{top}" width="{width}" height="{height}" fill="none" '
             f'stroke="#9ca3af"/>']
    for tick in range(5):
        value = peak * tick / 4
        y = top + height - height * tick / 4
        parts.append(f'<text x="{left - 4}" y="{y + 4:.0f}" font-size="10" '
                     f'text-anchor="end">{value:.0f}</text>')
        parts.append(f'<line x1="{left}" x2="{left + width}" y1="{y:.0f}" y2="{y:.0f}" '
                     f'stroke="#e5e7eb"/>')
    for tick in range(6):
        x = left + width * tick / 5
        parts.append(f'<text x="{x:.0f}" y="{top + height + 13}" font-size="10" '
                     f'text-anchor="middle">{end * tick / 5:.0f} s</text>')
    parts.append(f'<text x="{left - 50}" y="{top + 10}" font-size="10">{escape(unit)}</text>')
    for n, (name, line) in enumerate(series.items()):
        colour = COLOURS.get(name, "#111827")
        points = " ".join(f"{left + width * at / end:.1f},{top + height - height * v / peak:.1f}"
                          for at, v in line)
        if points:
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                         f'stroke-width="1.6"/>')
        parts.append(f'<text x="{left + 8 + 95 * n}" y="{top + 14}" font-size="11" '
                     f'fill="{colour}">■ {escape(name)}</text>')
    return parts


def svg(rec: Recorder, samples: Sequence[Sample], load_end: float) -> str:
    end = max([samples[-1].at if samples else 0.0, load_end, 1.0])
    latency = {kind: _windows(rec.calls.get(kind, []), end) for kind in KINDS[:4]}
    backlog = {"todo": [(s.at, float(s.todo + s.doing)) for s in samples],
               "done": [(s.at, float(s.done)) for s in samples]}
    memory = {"app": [(s.at, s.app_rss_mb) for s in samples],
              "worker": [(s.at, s.worker_rss_mb) for s in samples]}
    waiting = {"lock": [(s.at, float(s.lock_waiters)) for s in samples]}
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="780" height="850" '
             'font-family="sans-serif">', '<rect width="780" height="850" fill="white"/>']
    parts += _panel(f"p95 latency per {WINDOW:.0f} s window", 30, latency, end, "ms")
    parts += _panel("OCR jobs: waiting + running (todo), finished (done)", 240, backlog, end,
                    "jobs")
    parts += _panel("resident memory (process trees)", 450, memory, end, "MiB")
    parts += _panel("transactions waiting for the change-log lock", 660, waiting, end, "txns")
    x = 60 + 680 * load_end / end
    for top in (30, 240, 450, 660):
        parts.append(f'<line x1="{x:.0f}" x2="{x:.0f}" y1="{top}" y2="{top + 150}" '
                     'stroke="#111827" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{x + 3:.0f}" y="{236}" font-size="10">load ends</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def latency_table(rec: Recorder) -> list[str]:
    lines = ["| call | n | p50 ms | p95 ms | p99 ms | errors | throttled (429) "
             "| dropped (simulated) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in KINDS:
        seconds = [s for _, s in rec.calls.get(kind, [])]
        cells = [f"{percentile(seconds, q) * 1000:.0f}" for q in (0.5, 0.95, 0.99)]
        lines.append(f"| {kind} | {len(seconds)} | {' | '.join(cells)} | {rec.errors[kind]} | "
                     f"{rec.throttled[kind]} | {rec.dropped[kind]} |")
    return lines


def cpu_lines(rec: Recorder, samples: Sequence[Sample]) -> list[str]:
    """CPU seconds the app spent per tablet/reviewer call and the workers per document."""
    first, last = samples[0], samples[-1]
    app_cpu, worker_cpu = last.app_cpu_s - first.app_cpu_s, last.worker_cpu_s - first.worker_cpu_s
    calls = sum(len(rec.calls.get(kind, [])) for kind in KINDS)
    done = last.done - first.done
    per_doc = f"{worker_cpu / done:.2f}" if done else "–"
    return [
        f"- app: {app_cpu:.0f} CPU s for {calls} calls ({1000 * app_cpu / max(calls, 1):.0f} ms "
        "per call, all kinds; uploads include the photo bytes)",
        f"- workers: {worker_cpu:.0f} CPU s for {done} documents read ({per_doc} CPU s per "
        "document, OCR included)",
    ]


def size_table(sizes: Sequence[tuple[str, int, int]]) -> list[str]:
    lines = ["| table | rows | MiB (with indexes) | bytes per row |", "|---|---:|---:|---:|"]
    for name, rows, size in sizes:
        per_row = f"{size / rows:.0f}" if rows else "–"
        lines.append(f"| {name} | {rows} | {size / 2**20:.1f} | {per_row} |")
    return lines


def markdown(setup: list[str], rec: Recorder, samples: Sequence[Sample], load_end: float,
             chart_name: str, goals: list[str], sizes: Sequence[tuple[str, int, int]]) -> str:
    result = drain(samples, load_end)
    app = [s.app_rss_mb for s in samples]
    worker = [s.worker_rss_mb for s in samples]
    loads = [s.load for s in samples]
    lines = ["# Month-end load test (`just bench peak`)", "", *setup, "",
             f"The load lasted {load_end:.0f} s; the backlog was then watched for "
             f"{samples[-1].at - load_end:.0f} s more.", "",
             f"![latency, OCR backlog and memory over time]({chart_name})", "",
             "## Latency", "", *latency_table(rec), "",
             "Upload latency is a whole photo (tus create to completion, resumes included). "
             "`public` are the members' consultation calls (suggest, ask, ticket page); "
             "their throttling is by design and counted apart. After a cut PATCH the server "
             f"answered 409 (upload busy or offset moved) {rec.conflicts['upload']} times; "
             "the client re-read the offset and resumed, as tus clients do.", "",
             "## OCR backlog", "",
             f"- peak backlog: {result.peak} document jobs waiting or running",
             f"- measured OCR throughput: {result.throughput:.2f} documents/s "
             "(finished jobs over the time the backlog was not empty, 2 workers)",
             f"- backlog fall after the load ended: {result.drain_rate:.2f} documents/s",
             f"- left at the end of observation: {result.left} "
             f"(≈ {result.seconds_to_empty:.0f} s more at the measured throughput)", "",
             "## Memory (resident, process trees)", "",
             f"- app (`serve --workers 2`, master and workers): start {app[0]:.0f} MiB, "
             f"peak {max(app):.0f} MiB, end {app[-1]:.0f} MiB",
             f"- workers (2 × `doorstep worker`, with their OCR processes): start "
             f"{worker[0]:.0f} MiB, peak {max(worker):.0f} MiB, end {worker[-1]:.0f} MiB", "",
             "## CPU per unit of work (process trees, user + system)", "",
             *cpu_lines(rec, samples), "",
             "## Database after the run (largest tables)", "", *size_table(sizes), "",
             "Small tables are dominated by empty pages and indexes; bytes per row mean "
             "something for the large ones.", "",
             "## Change-log lock", "",
             f"Transactions waiting for the change log's advisory lock: mean "
             f"{sum(s.lock_waiters for s in samples) / len(samples):.1f}, max "
             f"{max(s.lock_waiters for s in samples)} (every write to the change log on "
             "PostgreSQL takes it: pushes, readings stored by the workers, reviews).", "",
             "## Machine load", "",
             f"1-minute load average during the run: min {min(loads):.1f}, "
             f"max {max(loads):.1f} (2 cores, shared with other agents' work).", "",
             "## Goals", "", *[f"- {goal}" for goal in goals]]
    if rec.error_samples:
        lines += ["", "## First errors", "", *[f"- `{e}`" for e in rec.error_samples]]
    return "\n".join(lines) + "\n"
