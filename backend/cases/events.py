"""Events of the cases domain that higher domains react to, without cases importing them.

- ``DOCUMENT_PRESENT`` (a document id): a case document's file is verified and attached,
  so it can be read (the documents domain queues its ``documents.process`` job).
- ``READY_FOR_CHECKS`` (a case id): a case was submitted, or one of its documents was read
  or given up on (the verification domain queues its ``verification.verify_case`` job).

And three providers, each registered by the domain that knows the answer (none registered
gives nothing): ``device_readings``, what a document's device copy carries beyond its own
fields (the documents domain's reading); ``case_flags``, what ``case { flags }`` lists
(the verification domain's flags and the documents' checks); and ``case_risk``, each case's
risk level and the subquery of case ids at a level (the verification domain's latest run),
which the case list shows and filters by.

Listeners run inside the write transaction that caused the event, so a job they queue
exists exactly when its cause does. Modules registering listeners are listed in
``LISTENER_MODULES`` and imported on first use (as ``backend.jobs.registry.JOB_MODULES``)
or at the app's start-up (``load_listeners``),
so the event reaches them in every process, with or without a worker.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Sequence
from enum import StrEnum
from typing import Any, Protocol
from uuid import UUID


class CaseEvent(StrEnum):
    DOCUMENT_PRESENT = "document_present"
    READY_FOR_CHECKS = "ready_for_checks"


Listener = Callable[[UUID], Awaitable[None]]

# Modules whose import registers listeners (higher domains append theirs).
LISTENER_MODULES: list[str] = [
    "backend.documents.listeners",
    "backend.verification.listeners",
]

ReadingsProvider = Callable[[Sequence[UUID]], Awaitable[dict[UUID, dict[str, Any]]]]
FlagsProvider = Callable[[UUID], Awaitable[list[dict[str, Any]]]]


class RiskProvider(Protocol):
    async def levels(self, case_ids: Sequence[UUID]) -> dict[UUID, str]:
        """The risk level of each case that has one (unverified cases are left out)."""

    def case_ids_at(self, levels: Sequence[str]) -> Any:
        """A subquery of the ids of cases whose risk is one of ``levels``."""

_listeners: dict[CaseEvent, list[Listener]] = {event: [] for event in CaseEvent}
_readings: list[ReadingsProvider] = []
_flags: list[FlagsProvider] = []
_risk: list[RiskProvider] = []
_loaded = False


def on(event: CaseEvent) -> Callable[[Listener], Listener]:
    """Registers ``fn`` to run on ``event`` (once, however often its module is imported)."""

    def register(fn: Listener) -> Listener:
        if fn not in _listeners[event]:
            _listeners[event].append(fn)
        return fn

    return register


def provide_readings(fn: ReadingsProvider) -> ReadingsProvider:
    """Registers the provider of documents' device readings (one; a second replaces it)."""
    _readings[:] = [fn]
    return fn


def provide_flags(fn: FlagsProvider) -> FlagsProvider:
    """Registers the provider of a case's flags (one; a second replaces it)."""
    _flags[:] = [fn]
    return fn


def provide_risk(provider: RiskProvider) -> RiskProvider:
    """Registers the provider of cases' risk levels (one; a second replaces it)."""
    _risk[:] = [provider]
    return provider


def load_listeners() -> None:
    """Imports the listener modules now (the app does at start-up: the imports take seconds,
    which the first request to need them, often a tablet's first pull, would otherwise wait)."""
    global _loaded
    if not _loaded:
        for module in LISTENER_MODULES:
            importlib.import_module(module)
        _loaded = True


def listeners(event: CaseEvent) -> list[Listener]:
    load_listeners()
    return list(_listeners[event])


async def device_readings(document_ids: Sequence[UUID]) -> dict[UUID, dict[str, Any]]:
    """Each document's reading for its device copy (documents without one are left out)."""
    load_listeners()
    return await _readings[0](document_ids) if _readings and document_ids else {}


async def emit(event: CaseEvent, subject: UUID) -> None:
    """Runs the listeners of ``event`` for ``subject``, in order, in the caller's transaction."""
    for listener in listeners(event):
        await listener(subject)


async def case_flags(case_id: UUID) -> list[dict[str, Any]]:
    """The case's flags and checks, as ``case { flags }`` lists them."""
    load_listeners()
    return await _flags[0](case_id) if _flags else []


def case_risk() -> RiskProvider | None:
    """Who knows cases' risk levels, if a domain registered it."""
    load_listeners()
    return _risk[0] if _risk else None
