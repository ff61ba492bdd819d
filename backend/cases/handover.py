"""The cases' handover step (业务衔接): the leaving person's open cases go to the newcomer.

Open: every status but ``approved``. Each case keeps its whole history (the newcomer sees
the predecessor's work) and gains a ``handover`` entry naming both people and the reason;
its documents are re-sent so the newcomer's devices receive them, the leaver's get deletes.
"""

from __future__ import annotations

from dataclasses import replace

from backend.accounts import queries as accounts
from backend.accounts.handover import HandoverContext, handover_step
from backend.cases import queries
from backend.cases.changes import case_put, document_put, revocations
from backend.cases.events import device_readings
from backend.cases.models import HistoryEntry
from sync.changelog import changes


@handover_step("cases")
async def move_cases(context: HandoverContext) -> int:
    people = {
        u.id: u
        for u in await accounts.users_by_ids(
            [context.from_user_id, context.to_user_id, context.actor_id]
        )
    }
    leaver, newcomer, actor = (
        people.get(context.from_user_id),
        people.get(context.to_user_id),
        people.get(context.actor_id),
    )
    reason = (
        f"业务衔接：由 {leaver.display_name if leaver else '原经办人'} 移交给 "
        f"{newcomer.display_name if newcomer else '新经办人'}（{context.reason}）"
    )
    moved = 0
    for case in await queries.open_cases_of(context.from_user_id):
        updated = case.next(context.at, assignee=context.to_user_id)
        await queries.save_case(updated)
        await queries.insert_history(
            HistoryEntry(
                case_id=case.id,
                at=context.at,
                actor=context.actor_id,
                actor_name=actor.username if actor else "",
                client_id=None,
                action="handover",
                from_status=str(case.status),
                to_status=str(updated.status),
                reason=reason,
            )
        )
        documents = await queries.documents_of([case.id])
        resent = [replace(d, version=d.version + 1) for d in documents]
        for document in resent:
            await queries.set_document_status(document)
        readings = await device_readings([d.id for d in resent])
        entries = revocations(case, updated, documents)
        entries += [
            case_put(updated),
            *(document_put(d, updated, readings.get(d.id)) for d in resent),
        ]
        await changes.record(entries, context.at)
        moved += 1
    return moved
