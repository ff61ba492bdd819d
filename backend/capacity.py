"""How much of the machine this process may use, and how many OCR processes fit in it.

OCR runs one engine thread per process (``backend.jobs.cpu``), so throughput grows with
the number of processes up to the number of cores this process may actually run on: its
CPU affinity (``taskset``, cpusets) capped by a cgroup CPU quota (containers). Each OCR
process also holds its models in memory, so memory caps the count too.

The rule (:func:`ocr_processes_for`) is a pure function; :func:`default_ocr_processes`
applies it to the machine it runs on. It is the default of ``DOORSTEP_EMBEDDED_WORKERS``
(shared out between the app processes of ``doorstep serve --workers N``) and of
``doorstep worker --processes``.
"""

from __future__ import annotations

import os
from pathlib import Path

# Resident size of one OCR pool process with both engines loaded, with room to spare
# (measured 280-350 MiB after mixed pages: RapidOCR's three models plus Tesseract chi_sim).
OCR_PROCESS_BYTES = 512 * 2**20
# Left for the app process itself (and whatever else shares the box).
RESERVED_BYTES = 512 * 2**20
MAX_OCR_PROCESSES = 64  # the settings' upper bound

_CGROUP = Path("/sys/fs/cgroup")


def ocr_processes_for(cores: float, memory_bytes: int | None) -> int:
    """One OCR process per whole usable core, no more than the memory holds, at least one.

    A fraction of a core (a quota of 1.5 CPUs) is not worth a process of its own: the
    second one would be throttled halfway through its pages.
    """
    count = max(1, int(cores))
    if memory_bytes is not None:
        count = min(count, max(1, (memory_bytes - RESERVED_BYTES) // OCR_PROCESS_BYTES))
    return min(count, MAX_OCR_PROCESSES)


def share_per_app_process(total: int, app_processes: int) -> int:
    """``doorstep serve --workers N`` in embedded mode: every app process runs its own OCR
    pool, so each gets its share of the machine's (at least one, or its photos wait)."""
    return max(1, total // max(1, app_processes))


def quota_cores(cpu_max: str | None, cfs_quota: str | None, cfs_period: str | None) -> float | None:
    """Cores allowed by a cgroup CPU quota: v2 ``cpu.max`` ("200000 100000" or "max
    100000"), else v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` (-1: none)."""
    if cpu_max is not None:
        quota, _, period = cpu_max.strip().partition(" ")
        if quota == "max" or not period:
            return None
        return int(quota) / int(period)
    if cfs_quota is not None and cfs_period is not None:
        quota_us = int(cfs_quota)
        return quota_us / int(cfs_period) if quota_us > 0 else None
    return None


def memory_limit(physical: int, cgroup_max: str | None) -> int:
    """The smaller of physical memory and a cgroup limit ("max", or v1's huge number)."""
    if cgroup_max is None or not cgroup_max.strip().isdigit():
        return physical
    return min(physical, int(cgroup_max))


def usable_cores() -> float:
    """Cores this process may run on: its affinity, capped by its cgroup's CPU quota."""
    cores = float(len(os.sched_getaffinity(0)))
    quota = quota_cores(
        _read(_CGROUP / "cpu.max"),
        _read(_CGROUP / "cpu" / "cpu.cfs_quota_us"),
        _read(_CGROUP / "cpu" / "cpu.cfs_period_us"),
    )
    return min(cores, quota) if quota is not None else cores


def usable_memory() -> int:
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    limit = _read(_CGROUP / "memory.max") or _read(_CGROUP / "memory" / "memory.limit_in_bytes")
    return memory_limit(physical, limit)


def default_ocr_processes() -> int:
    return ocr_processes_for(usable_cores(), usable_memory())


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None
