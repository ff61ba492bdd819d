"""Steps of a handover (业务衔接): one person's open work moving to another in one action.

The orchestration (``handOver``) lives in the visits domain; each domain that holds work
assigned to a person (cases, visits, feedback…) registers one step here, so no domain
imports another to move its work. Every step runs inside the handover's one write
transaction, writes its own audit/history entries and change-log entries, and returns how
many items it moved; it must be idempotent (a second handover of the same person moves 0).
Modules registering steps are listed in ``HANDOVER_MODULES`` and imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class HandoverContext:
    from_user_id: UUID
    to_user_id: UUID
    actor_id: UUID  # the supervisor or admin doing the handover
    reason: str
    at: datetime


HandoverStep = Callable[[HandoverContext], Awaitable[int]]

# Modules whose import registers handover steps (domains append theirs).
HANDOVER_MODULES: list[str] = [
    "backend.cases.handover",
    "backend.visits.handover_step",
    "backend.consultation.handover",
]

_steps: dict[str, HandoverStep] = {}


def handover_step(name: str) -> Callable[[HandoverStep], HandoverStep]:
    """Registers ``fn`` as the step moving this domain's ``name`` items (e.g. "cases")."""

    def register(fn: HandoverStep) -> HandoverStep:
        if name in _steps and _steps[name] is not fn:
            raise ValueError(f"handover step {name!r} registered twice")
        _steps[name] = fn
        return fn

    return register


def handover_steps() -> dict[str, HandoverStep]:
    for module in HANDOVER_MODULES:
        importlib.import_module(module)
    return dict(_steps)
