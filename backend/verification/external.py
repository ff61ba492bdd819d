"""Flags that domains above verification raise on a case (shared-data checks): they register
a source here at import; each verification asks every source and stores its flags with the
rules' own, so ``case { flags }``, the risk level and the review queue count them.

A source may also start its own work for the case (queue a job); it must not block."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from backend.verification.models import CaseSnapshot

FlagSource = Callable[[CaseSnapshot], Awaitable[list[dict[str, Any]]]]

log = logging.getLogger("doorstep.verification")
_sources: dict[str, FlagSource] = {}


def register_flag_source(name: str, source: FlagSource) -> None:
    _sources[name] = source


async def external_flags(case: CaseSnapshot) -> list[dict[str, Any]]:
    flags: list[dict[str, Any]] = []
    for name, source in sorted(_sources.items()):
        flags += await source(case)
        log.debug("flag source %s asked about case %s", name, case.id)
    return flags
