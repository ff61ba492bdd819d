"""Job handlers by name. Domains register theirs in a ``jobs.py`` listed in JOB_MODULES."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

JobHandler = Callable[[dict[str, Any]], Awaitable[None]]

# Modules whose import registers job handlers or periodic tasks.
JOB_MODULES: list[str] = [
    "backend.notifications.jobs",
    "backend.verification.jobs",
    "backend.documents.jobs",
    # periodic housekeeping (backend.jobs.schedule)
    "backend.jobs.housekeeping",
    "backend.uploads.jobs",
    "sync.compaction",
    "backend.claims.jobs",
    "backend.throttling.jobs",
]


@dataclass(frozen=True, slots=True)
class JobSpec:
    name: str
    handler: JobHandler
    max_attempts: int
    backoff_seconds: float


_registry: dict[str, JobSpec] = {}


def job(
    name: str, *, max_attempts: int = 5, backoff_seconds: float = 10.0
) -> Callable[[JobHandler], JobHandler]:
    def register(handler: JobHandler) -> JobHandler:
        _registry[name] = JobSpec(name, handler, max_attempts, backoff_seconds)
        return handler

    return register


def load_job_modules() -> None:
    importlib.import_module("backend.imaging")  # handlers decode photos, HEIC included
    for module in JOB_MODULES:
        importlib.import_module(module)


def spec_for(name: str) -> JobSpec | None:
    return _registry.get(name)


def job_specs() -> list[JobSpec]:
    return sorted(_registry.values(), key=lambda spec: spec.name)
