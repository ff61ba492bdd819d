"""``submitFeedback {id, category, text, caseId?, channel?, contact?, process?}``: a member's
feedback recorded by staff during a visit, possibly offline; routed when it arrives."""

from __future__ import annotations

from typing import Any

from backend.consultation import feedback_service
from backend.consultation.models import Channel
from sync.mutators.args import as_object, only, optional_str, uuid_arg
from sync.mutators.context import MutationContext


async def submit_feedback(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id", "category", "text", "caseId", "channel", "contact", "process")
    case_id = uuid_arg(args, "caseId") if args.get("caseId") is not None else None
    item = feedback_service.draft(
        optional_str(args, "category") or "",
        optional_str(args, "text") or "",
        optional_str(args, "channel"),
        case_id,
        optional_str(args, "contact"),
        optional_str(args, "process"),
        Channel.VISIT,
    )
    await feedback_service.submit(context.user, item, uuid_arg(args, "id"))
