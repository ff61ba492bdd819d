"""Events of the cases domain that higher domains react to, without cases importing them.

- ``DOCUMENT_PRESENT`` (a document id): a case document's file is verified and attached,
  so it can be read (the documents domain queues its ``documents.process`` job).
- ``READY_FOR_CHECKS`` (a case id): a case was submitted, or one of its documents was read
  or given up on (the verification domain queues its ``verification.verify_case`` job).

Listeners run inside the write transaction that caused the event, so a job they queue
exists exactly when its cause does. Modules registering listeners are listed in
``LISTENER_MODULES`` and imported on first use (as ``backend.jobs.registry.JOB_MODULES``),
so the event reaches them in every process, with or without a worker.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from enum import StrEnum
from uuid import UUID


class CaseEvent(StrEnum):
    DOCUMENT_PRESENT = "document_present"
    READY_FOR_CHECKS = "ready_for_checks"


Listener = Callable[[UUID], Awaitable[None]]

# Modules whose import registers listeners (higher domains append theirs).
LISTENER_MODULES: list[str] = [
    "backend.documents.requests",
    "backend.verification.jobs",
]

_listeners: dict[CaseEvent, list[Listener]] = {event: [] for event in CaseEvent}
_loaded = False


def on(event: CaseEvent) -> Callable[[Listener], Listener]:
    """Registers ``fn`` to run on ``event`` (once, however often its module is imported)."""

    def register(fn: Listener) -> Listener:
        if fn not in _listeners[event]:
            _listeners[event].append(fn)
        return fn

    return register


def listeners(event: CaseEvent) -> list[Listener]:
    global _loaded
    if not _loaded:
        for module in LISTENER_MODULES:
            importlib.import_module(module)
        _loaded = True
    return list(_listeners[event])


async def emit(event: CaseEvent, subject: UUID) -> None:
    """Runs the listeners of ``event`` for ``subject``, in order, in the caller's transaction."""
    for listener in listeners(event):
        await listener(subject)
