"""Handover steps (业务衔接) of this domain: a leaver's open feedback and consultations move
to their successor (registered in ``backend.accounts.handover``)."""

from __future__ import annotations

from backend.accounts.handover import HandoverContext, handover_step
from backend.consultation import duty_queries, feedback_queries, queries


@handover_step("feedback")
async def hand_over_feedback(context: HandoverContext) -> int:
    """Open and in-progress feedback the person was handling; each gets a history entry."""
    moved = await feedback_queries.hand_over(context.from_user_id, context.to_user_id, context.at)
    for feedback_id in moved:
        await feedback_queries.add_event(
            feedback_id, context.at, context.actor_id, "handed_over", "", context.reason
        )
    return len(moved)


@handover_step("consultations")
async def hand_over_consultations(context: HandoverContext) -> int:
    """Questions the person had taken from the 在线客服 queue and not yet answered."""
    return int(await queries.hand_over(context.from_user_id, context.to_user_id))


@handover_step("dutyShifts")
async def hand_over_duty_shifts(context: HandoverContext) -> int:
    """在线客服 shifts of the leaver not yet over: the successor takes them."""
    return await duty_queries.hand_over_shifts(context.from_user_id, context.to_user_id, context.at)
