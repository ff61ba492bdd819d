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


def _init_process(parent_pid: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
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
            initargs=(os.getpid(),),
        )
    return _pool


async def run_cpu(function: Callable[..., T], *args: Any) -> T:
    return await asyncio.get_running_loop().run_in_executor(_get_pool(), function, *args)


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
