"""Mutators: the named operations a device may push, each validating its own arguments.

A mutator parses ``args``, then calls one service function of its domain, which checks
the user's permission and writes inside the push transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from backend.errors import DoorstepError, ErrorCode
from backend.graphql.access import mutator_allowed
from sync.mutators.answer_drill import answer_drill
from sync.mutators.attach_document import attach_document
from sync.mutators.context import MutationContext
from sync.mutators.create_case import create_case
from sync.mutators.log_consultation import log_consultation
from sync.mutators.offer_employer_link import offer_employer_link
from sync.mutators.submit_case import submit_case
from sync.mutators.submit_feedback import submit_feedback
from sync.mutators.update_case import update_case
from sync.mutators.visits import (
    confirm_handover_sync,
    record_visit_outcome,
    start_case_from_visit,
)

Mutator = Callable[[MutationContext, Any], Awaitable[None]]



def _guarded(name: str, mutator: Mutator) -> Mutator:
    """The role check of the declared policy (``MUTATOR_ACCESS``) before the mutator runs."""

    async def run(context: MutationContext, args: Any) -> None:
        if not mutator_allowed(name, context.user.role):
            raise DoorstepError(ErrorCode.FORBIDDEN)
        await mutator(context, args)

    return run


_UNGUARDED: dict[str, Mutator] = {
    "createCase": create_case,
    "updateCase": update_case,
    "attachDocument": attach_document,
    "submitCase": submit_case,
    "offerEmployerLink": offer_employer_link,
    "submitFeedback": submit_feedback,
    "logConsultation": log_consultation,
    "answerDrill": answer_drill,
    "recordVisitOutcome": record_visit_outcome,
    "startCaseFromVisit": start_case_from_visit,
    "confirmHandoverSync": confirm_handover_sync,
}
MUTATORS: dict[str, Mutator] = {name: _guarded(name, m) for name, m in _UNGUARDED.items()}

__all__ = ["MUTATORS", "MutationContext", "Mutator"]
