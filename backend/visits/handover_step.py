"""The visits' handover step: the leaving person's open visits go to the newcomer."""

from __future__ import annotations

from backend.accounts import queries as accounts
from backend.accounts.handover import HandoverContext, handover_step
from backend.visits import queries
from backend.visits.changes import visit_changes
from sync.changelog import changes


@handover_step("visits")
async def move_visits(context: HandoverContext) -> int:
    newcomer = await accounts.user_by_id(context.to_user_id)
    team_id = newcomer.team_id if newcomer else None
    moved = 0
    for visit in await queries.open_visits_of(context.from_user_id):
        updated = visit.next(
            context.at, assignee=context.to_user_id, team_id=team_id or visit.team_id
        )
        await queries.save_visit(updated)
        await changes.record(visit_changes(visit, updated), context.at)
        moved += 1
    return moved
