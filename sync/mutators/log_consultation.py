"""``logConsultation {id, channel, question, articleId?, version?, answer?, at?}``: a question
answered during a visit (or at the window), logged on the tablet, possibly offline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from backend.consultation import service
from backend.errors import DoorstepError, ErrorCode
from sync.mutators.args import as_object, only, optional_int, optional_str, uuid_arg
from sync.mutators.context import MutationContext


def _at(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "at 应为带时区的 ISO 时间", field="at")
    return moment


async def log_consultation(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id", "channel", "question", "articleId", "version", "answer", "at")
    article_id = uuid_arg(args, "articleId") if args.get("articleId") is not None else None
    await service.log(
        context.user,
        optional_str(args, "channel") or "visit",
        optional_str(args, "question") or "",
        article_id,
        optional_int(args, "version"),
        optional_str(args, "answer"),
        consultation_id=uuid_arg(args, "id"),
        at=_at(optional_str(args, "at")),
    )
