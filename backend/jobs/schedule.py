"""Periodic housekeeping tasks by name. Domains register theirs with :func:`periodic` in a
module listed in ``registry.JOB_MODULES``; the worker loops run them (``scheduler``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

# Gets the run's time; returns a short account of what it did (kept with the schedule).
TaskRun = Callable[[datetime], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class PeriodicTask:
    name: str
    run: TaskRun
    every: timedelta


_tasks: dict[str, PeriodicTask] = {}


def periodic(name: str, *, every: timedelta) -> Callable[[TaskRun], TaskRun]:
    if every <= timedelta(0):
        raise ValueError("a periodic task needs a positive period")

    def register(run: TaskRun) -> TaskRun:
        _tasks[name] = PeriodicTask(name, run, every)
        return run

    return register


def periodic_tasks() -> list[PeriodicTask]:
    return sorted(_tasks.values(), key=lambda task: task.name)
