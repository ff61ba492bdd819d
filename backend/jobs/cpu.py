"""A process pool for CPU-bound job steps (OCR). Each pool process keeps its own engines."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_size = 1


PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent_pid: int) -> None:
    # A pool process blocks on its task queue, whose pipe it holds both ends of: if its
    # parent is killed (SIGKILL, OOM), nothing wakes it and it would hold its OCR models'
    # memory for ever. Leave once the parent is gone.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


# One compute thread per process: processes scale with cores, while the native libraries'
# own pools (each sized to every core) would make N processes run N x cores threads that
# fight. Read when those libraries load, which in a pool process is after this runs.
# (ONNX Runtime's and OpenCV's pools are set in code: ``backend.documents.ocr``.)
ONE_THREAD_ENVIRONMENT = {
    "OMP_THREAD_LIMIT": "1",  # Tesseract (OpenMP)
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",  # numpy's BLAS
    "MKL_NUM_THREADS": "1",
}


def _init_process(parent_pid: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    for name, value in ONE_THREAD_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    # Pool processes are spawned fresh: let Pillow read HEIC photos here too.
    from backend.imaging import register_heif

    register_heif()


def configure(processes: int) -> None:
    global _size
    _size = max(1, processes)


def create_pool(processes: int) -> ProcessPoolExecutor:
    """A pool set up as the app's own (the OCR benchmark measures pools made here)."""
    return ProcessPoolExecutor(
        max_workers=max(1, processes),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_process,
        initargs=(os.getpid(),),
    )


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = create_pool(_size)
    return _pool


async def run_cpu(function: Callable[..., T], *args: Any) -> T:
    return await asyncio.get_running_loop().run_in_executor(_get_pool(), function, *args)


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
