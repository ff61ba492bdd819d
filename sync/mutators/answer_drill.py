"""``answerDrill {attemptId, flags, decision, reason?}``: the trainee's flags and decision on
a drill's practice case (pushed like any edit, so a drill is worked offline too)."""

from __future__ import annotations

from typing import Any

from backend.training import service
from sync.mutators.args import as_object, only, optional_str, uuid_arg
from sync.mutators.context import MutationContext


async def answer_drill(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "attemptId", "flags", "decision", "reason")
    answer = service.parse_answer(
        args.get("flags", []), args.get("decision"), optional_str(args, "reason")
    )
    await service.answer_drill(context.actor, uuid_arg(args, "attemptId"), answer)
