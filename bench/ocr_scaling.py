"""OCR scaling: N OCR processes on N cores against one process held to one core.

    .venv/bin/python -m bench ocr_scaling [--rounds=4] [--all-pages] [--fixtures=DIR]

Both sides are pools made by ``backend.jobs.cpu.create_pool`` (the app's own: spawned
processes, one compute thread each: Tesseract's OpenMP, ONNX Runtime's intra/inter-op
pools, OpenCV and BLAS held to one thread) running ``backend.documents.ocr_task.read_image``,
the OCR job's step (the whole pipeline), on the sample document photos
(tests/fixtures/documents: every other one of its 40 pages, all 8 types and photo
conditions; ``--all-pages`` for all 40).

- Baseline: one process, every thread of it pinned to one core (``sched_setaffinity``).
- Scaled: N processes, N = the cores this process may use, each pinned to a core of its own
  (``--unpinned``: free on all of them, as the app leaves them); each reads the same pages,
  so both sides do the same work per process and each process has one core to itself.
  (Unpinned, on a loaded machine the kernel at times runs two of them on one core.)

Each OCR process runs as a session of its own, as N ``doorstep worker`` processes (systemd
units, terminals) do. Why it matters on a machine shared with other work: with the
kernel's autogroup scheduling (``/proc/sys/kernel/sched_autogroup_enabled``), CPU is shared
fairly between sessions first, so N processes of one session together get one session's
share and cannot scale while others compete (measured here at load 9: one process 0.23
pages/s, two of one session 0.19 pages/s together; CPU per page the same).
``--one-session`` shows that; on an otherwise idle machine it makes no difference.

Every process reads a page before timing starts (model loading and first-call costs are
not counted). Rounds alternate the order (baseline first, then scaled first) and the
baseline's core, so load that drifts or sits on one core hits both sides alike. Goal
(issue 18): scaled throughput >= 0.9 x N x baseline, judged on the median of the rounds'
paired ratios (one slow round on a shared machine does not decide it). The machine may be
shared: the load average is printed next to every figure, with how much of their cores the
processes got (CPU time over wall time x processes), and the ratio is also given per CPU
second the processes were given, which sets that share aside.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

GOAL = 0.9
MIN_PHASE_SECONDS = 20.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Reading:
    pid: int
    cpu_seconds: float  # the process's CPU time for this page
    helper_ticks: int  # CPU ticks so far of the process's threads other than the main one
    cores: tuple[int, ...]


@dataclass
class Phase:
    name: str
    processes: int
    pages: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    rounds: list[float] = field(default_factory=list)  # pages/s of each round
    shares: list[float] = field(default_factory=list)  # core share of each round (see below)
    loads: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.pages / self.seconds

    @property
    def core_share(self) -> float:
        """CPU the processes got over the cores they could use (1.0: the machine was ours)."""
        return self.cpu_seconds / (self.seconds * self.processes)


def read_page(image: bytes) -> Reading:
    """One page through the OCR job's step, in a pool process."""
    from backend.documents.ocr_task import read_image

    start = time.process_time()
    output = read_image(image, None)
    if "error" in output:
        raise RuntimeError(f"page not read: {output['error']}")
    cpu_seconds = time.process_time() - start
    pid = os.getpid()
    helpers = sum(_thread_ticks(pid, int(tid)) for tid in os.listdir("/proc/self/task")
                  if int(tid) != pid)
    return Reading(pid, cpu_seconds, helpers, tuple(sorted(os.sched_getaffinity(0))))


def own_session() -> int:
    """Makes this pool process a session of its own (see the module's note on autogroups)."""
    if os.getsid(0) != os.getpid():
        os.setsid()
    return os.getpid()


def _thread_ticks(pid: int, tid: int) -> int:
    with open(f"/proc/{pid}/task/{tid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _pin(pid: int, cores: set[int]) -> None:
    """Every thread of a process onto ``cores`` (affinity is per thread on Linux)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        os.sched_setaffinity(int(tid), cores)


def _warm(pool: ProcessPoolExecutor, processes: int, image: bytes, sessions: bool) -> list[int]:
    """Pages until every process of the pool has read one; returns their pids."""
    me = importlib.import_module("bench.ocr_scaling")  # spawned processes import it by name
    seen: set[int] = set()
    for _ in range(20):
        futures = [pool.submit(me.read_page, image) for _ in range(processes)]
        seen |= {future.result().pid for future in futures}
        if len(seen) == processes:
            break
    else:
        raise RuntimeError(f"only {len(seen)} of {processes} pool processes answered")
    if sessions:  # a process that is already a session leader answers at once
        in_session: set[int] = set()
        while len(in_session) < processes:
            in_session |= {f.result() for f in [pool.submit(me.own_session)
                                                 for _ in range(processes)]}
    return sorted(seen)


def _run(pool: ProcessPoolExecutor, phase: Phase, work: list[bytes]) -> list[Reading]:
    me = importlib.import_module("bench.ocr_scaling")
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    futures = [pool.submit(me.read_page, image) for image in work]
    wait(futures)
    seconds = time.perf_counter() - start
    readings = [future.result() for future in futures]
    phase.pages += len(work)
    phase.seconds += seconds
    phase.cpu_seconds += sum(r.cpu_seconds for r in readings)
    phase.rounds.append(len(work) / seconds)
    phase.shares.append(sum(r.cpu_seconds for r in readings) / (seconds * phase.processes))
    phase.loads += [load_before, os.getloadavg()[0]]
    print(f"  {phase.name}: {len(work)} pages in {seconds:.1f} s = {len(work) / seconds:.3f} "
          f"pages/s, {phase.shares[-1]:.0%} of its cores, on cores "
          f"{sorted({c for r in readings for c in r.cores})} "
          f"(load {load_before:.1f} -> {os.getloadavg()[0]:.1f})", flush=True)
    return readings


def _pages(fixtures: Path, quick: bool) -> list[bytes]:
    with (fixtures / "truth.jsonl").open(encoding="utf-8") as fh:
        files = [json.loads(line)["file"] for line in fh if line.strip()]
    return [(fixtures / name).read_bytes() for name in (files[::2] if quick else files)]


def _costliest_first(pages: list[bytes], readings: list[Reading]) -> list[bytes]:
    """Dearest pages first, so the scaled side's processes run out of work together."""
    order = sorted(range(len(pages)), key=lambda i: -readings[i].cpu_seconds)
    return [pages[i] for i in order]


def _helper_share(before: dict[int, int], readings: list[Reading], cpu_seconds: float) -> float:
    """Share of the CPU the processes' threads besides their main ones used."""
    last: dict[int, int] = {}
    for r in readings:
        last[r.pid] = max(last.get(r.pid, 0), r.helper_ticks)
    ticks = sum(last[pid] - before.get(pid, 0) for pid in last)
    return ticks / CLOCK_TICKS / cpu_seconds if cpu_seconds else 0.0


def main() -> None:
    from backend.jobs import cpu

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    # Short rounds, many of them: load on a shared machine drifts within minutes.
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds per side")
    parser.add_argument("--all-pages", action="store_true", help="all 40 pages per round")
    parser.add_argument("--unpinned", action="store_true",
                        help="leave the scaled side's processes free on all cores")
    parser.add_argument("--one-session", action="store_true",
                        help="leave the pool processes in this session (one autogroup)")
    parser.add_argument("--fixtures", default=str(REPO / "tests" / "fixtures" / "documents"))
    args = parser.parse_args()
    cores = sorted(os.sched_getaffinity(0))
    n = len(cores)
    pages = _pages(Path(args.fixtures), quick=not args.all_pages)
    print(f"{len(pages)} pages x {args.rounds} rounds per side; N = {n} usable cores; "
          f"{'one session' if args.one_session else 'a session per process'} "
          f"(os.cpu_count() = {os.cpu_count()}); load average at start "
          f"{' '.join(f'{v:.1f}' for v in os.getloadavg())} on a shared machine", flush=True)
    if n < 2:
        print("goal OCR scaling: needs 2 or more usable cores; skipped")
        return
    baseline, scaled = Phase("baseline, 1 process on 1 core", 1), Phase(
        f"scaled, {n} processes on {n} cores{' (unpinned)' if args.unpinned else ''}", n)
    single, many = cpu.create_pool(1), cpu.create_pool(n)
    try:
        (single_pid,) = _warm(single, 1, pages[0], not args.one_session)
        many_pids = _warm(many, n, pages[0], not args.one_session)
        helpers_at_start = {
            pid: sum(_thread_ticks(pid, int(t)) for t in os.listdir(f"/proc/{pid}/task")
                     if int(t) != pid)
            for pid in (single_pid, *many_pids)
        }
        order = pages
        helper_cpu: dict[str, list[Reading]] = {baseline.name: [], scaled.name: []}
        for round_ in range(args.rounds):
            core = cores[round_ % n]
            _pin(single_pid, {core})
            if not args.unpinned:
                for i, pid in enumerate(many_pids):
                    _pin(pid, {cores[(i + round_) % n]})
            print(f"round {round_ + 1}: baseline pinned to core {core}", flush=True)
            sides = [(single, baseline, 1), (many, scaled, n)]
            for pool, phase, copies in sides if round_ % 2 == 0 else sides[::-1]:
                readings = _run(pool, phase, [page for page in order for _ in range(copies)])
                helper_cpu[phase.name] = readings
                if phase is baseline and order is pages:
                    order = _costliest_first(pages, readings)
    finally:
        single.shutdown(wait=True, cancel_futures=True)
        many.shutdown(wait=True, cancel_futures=True)
    ratio = scaled.rate / (n * baseline.rate)
    paired = [s / (n * b) for b, s in zip(baseline.rounds, scaled.rounds, strict=True)]
    # The same ratio in the CPU the processes were given: what N processes would do with N
    # cores of their own, against one with one core. It sets aside how much of its cores each
    # side got from a shared machine (which the wall-clock ratio carries) and keeps whatever
    # the processes cost each other (threads that fight, shared caches, memory bandwidth).
    per_cpu = [p * bs / ss for p, bs, ss in zip(paired, baseline.shares, scaled.shares,
                                                strict=True)]
    for phase in (baseline, scaled):
        helpers = _helper_share(helpers_at_start, helper_cpu[phase.name], phase.cpu_seconds)
        print(f"{phase.name}: {phase.rate:.3f} pages/s ({phase.pages} pages, "
              f"{phase.seconds:.1f} s); {phase.cpu_seconds / phase.pages:.2f} CPU s/page; "
              f"got {phase.core_share:.0%} of its cores; CPU outside main threads "
              f"{helpers:.1%}; load {min(phase.loads):.1f}-{max(phase.loads):.1f}")
        if phase.seconds < MIN_PHASE_SECONDS:
            print(f"  warning: {phase.seconds:.1f} s is under {MIN_PHASE_SECONDS:.0f} s; "
                  "add --rounds")
    contention = (scaled.cpu_seconds / scaled.pages) / (baseline.cpu_seconds / baseline.pages)
    print(f"CPU per page, scaled / baseline: {contention:.2f} (1.00: the processes do not "
          "slow each other down)")
    median = statistics.median(paired)
    print(f"wall-clock ratio scaled / ({n} x baseline): all rounds together {ratio:.2f}; per "
          f"round {', '.join(f'{r:.2f}' for r in paired)} (median {median:.2f})")
    print(f"per CPU second given (each round's ratio x baseline core share / scaled core "
          f"share): {', '.join(f'{r:.2f}' for r in per_cpu)} (median "
          f"{statistics.median(per_cpu):.2f}); core shares baseline "
          f"{', '.join(f'{v:.0%}' for v in baseline.shares)}, scaled "
          f"{', '.join(f'{v:.0%}' for v in scaled.shares)}")
    loads = f"{min(baseline.loads + scaled.loads):.1f}-{max(baseline.loads + scaled.loads):.1f}"
    print(f"goal OCR throughput >= {GOAL} x N x one process on one core: median of the "
          f"paired rounds {median:.2f} {'MET' if median >= GOAL else 'NOT MET'} wall-clock; "
          f"{statistics.median(per_cpu):.2f} per CPU second given (load average {loads} on "
          f"{os.cpu_count()} cores, shared machine)")


if __name__ == "__main__":
    main()
