"""A process pool for CPU-bound job steps (OCR). Each pool process keeps its own engines."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_size = 1


def _init_process() -> None:
    # One OCR thread per process: processes scale, threads inside one fight over 2 cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # Pool processes are spawned fresh: let Pillow read HEIC photos here too.
    from backend.imaging import register_heif

    register_heif()


def configure(processes: int) -> None:
    global _size
    _size = max(1, processes)


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(
            max_workers=_size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_process,
        )
    return _pool


async def run_cpu(function: Callable[..., T], *args: Any) -> T:
    return await asyncio.get_running_loop().run_in_executor(_get_pool(), function, *args)


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
