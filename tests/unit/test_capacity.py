"""How many OCR processes a machine gets by default (backend.capacity)."""

from __future__ import annotations

import os

import pytest

from backend.capacity import (
    MAX_OCR_PROCESSES,
    OCR_PROCESS_BYTES,
    RESERVED_BYTES,
    default_ocr_processes,
    memory_limit,
    ocr_processes_for,
    quota_cores,
    share_per_app_process,
    usable_cores,
)
from backend.settings import Settings

GIB = 2**30


def test_one_ocr_process_per_usable_core_when_memory_is_plenty() -> None:
    assert ocr_processes_for(2, 24 * GIB) == 2
    assert ocr_processes_for(8, 24 * GIB) == 8
    assert ocr_processes_for(1, None) == 1


def test_a_fraction_of_a_core_gets_no_process_of_its_own() -> None:
    assert ocr_processes_for(1.5, 24 * GIB) == 1
    assert ocr_processes_for(2.99, 24 * GIB) == 2
    assert ocr_processes_for(0.5, 24 * GIB) == 1  # never none: OCR must still run


def test_memory_caps_the_processes_after_the_apps_own_share() -> None:
    two_fit = RESERVED_BYTES + 2 * OCR_PROCESS_BYTES
    assert ocr_processes_for(16, two_fit) == 2
    assert ocr_processes_for(16, two_fit - 1) == 1
    assert ocr_processes_for(16, GIB // 4) == 1  # a tiny box still reads its photos


def test_a_big_machine_stays_within_the_settings_bound() -> None:
    assert ocr_processes_for(256, 1024 * GIB) == MAX_OCR_PROCESSES


def test_app_processes_share_the_machines_ocr_processes() -> None:
    assert share_per_app_process(8, 4) == 2
    assert share_per_app_process(2, 1) == 2
    assert share_per_app_process(2, 4) == 1  # each still reads its own photos
    assert share_per_app_process(3, 2) == 1


@pytest.mark.parametrize(
    ("cpu_max", "cfs_quota", "cfs_period", "cores"),
    [
        ("max 100000\n", None, None, None),
        ("150000 100000\n", None, None, 1.5),
        ("400000 100000", None, None, 4.0),
        (None, "-1\n", "100000\n", None),
        (None, "200000\n", "100000\n", 2.0),
        (None, None, None, None),
    ],
)
def test_cgroup_cpu_quota_is_read_from_v2_or_v1_files(
    cpu_max: str | None, cfs_quota: str | None, cfs_period: str | None, cores: float | None
) -> None:
    assert quota_cores(cpu_max, cfs_quota, cfs_period) == cores


def test_memory_is_the_smaller_of_physical_and_a_cgroup_limit() -> None:
    assert memory_limit(24 * GIB, "max\n") == 24 * GIB
    assert memory_limit(24 * GIB, "9223372036854771712\n") == 24 * GIB  # v1 "no limit"
    assert memory_limit(24 * GIB, f"{2 * GIB}\n") == 2 * GIB
    assert memory_limit(24 * GIB, None) == 24 * GIB


def test_usable_cores_follow_this_process_affinity() -> None:
    everything = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(everything)})
        assert usable_cores() <= 1
    finally:
        os.sched_setaffinity(0, everything)


def test_settings_default_to_the_rule_and_an_explicit_value_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DOORSTEP_EMBEDDED_WORKERS", raising=False)
    everything = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(everything)})
        assert Settings().embedded_workers == 1
    finally:
        os.sched_setaffinity(0, everything)
    assert Settings().embedded_workers == default_ocr_processes()
    monkeypatch.setenv("DOORSTEP_EMBEDDED_WORKERS", "0")
    assert Settings().embedded_workers == 0
