"""Visit mutators: ``recordVisitOutcome``, ``startCaseFromVisit``, ``confirmHandoverSync``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from backend.errors import DoorstepError, ErrorCode
from backend.visits import field, handover
from backend.visits.rules import clean_location, clean_moment, clean_outcome
from sync.mutators.args import as_object, only, optional_str, uuid_arg
from sync.mutators.context import MutationContext


def _date(args: Any, name: str) -> date | None:
    value = args.get(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"{name} 应为 YYYY-MM-DD", field=name
        ) from None


async def record_visit_outcome(context: MutationContext, raw: Any) -> None:
    """``{visitId, outcome, note?, at, location?, date?}`` (``date``: the new preferred day of a
    rescheduled visit)."""
    args = as_object(raw)
    only(args, "visitId", "outcome", "note", "at", "location", "date")
    await field.record_outcome(
        context.actor,
        uuid_arg(args, "visitId"),
        clean_outcome(args.get("outcome")),
        optional_str(args, "note") or "",
        clean_moment("at", args.get("at"), datetime.now(UTC)),
        clean_location(args.get("location")),
        _date(args, "date"),
    )


async def start_case_from_visit(context: MutationContext, raw: Any) -> None:
    """``{visitId, caseId}``: a draft case with the request's fields, linked to the visit."""
    args = as_object(raw)
    only(args, "visitId", "caseId")
    await field.start_case(context.actor, uuid_arg(args, "visitId"), uuid_arg(args, "caseId"))


async def confirm_handover_sync(context: MutationContext, raw: Any) -> None:
    """``{handoverId}``: pushed after everything the device held; its work has all arrived."""
    args = as_object(raw)
    only(args, "handoverId")
    await handover.confirm_device_synced(
        context.user, context.client_id, uuid_arg(args, "handoverId")
    )
