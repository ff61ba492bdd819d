"""Mutators: the named operations a device may push, each validating its own arguments.

A mutator parses ``args``, then calls one service function of its domain, which checks
the user's permission and writes inside the push transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sync.mutators.attach_document import attach_document
from sync.mutators.context import MutationContext
from sync.mutators.create_case import create_case
from sync.mutators.submit_case import submit_case
from sync.mutators.update_case import update_case

Mutator = Callable[[MutationContext, Any], Awaitable[None]]

MUTATORS: dict[str, Mutator] = {
    "createCase": create_case,
    "updateCase": update_case,
    "attachDocument": attach_document,
    "submitCase": submit_case,
}

__all__ = ["MUTATORS", "MutationContext", "Mutator"]
