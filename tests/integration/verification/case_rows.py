"""Writes cases straight into the cases domain's tables, as submitted cases look there."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from uuid import UUID, uuid4

from backend.cases.tables import Case, CaseDocument, CaseHistory
from backend.centre import CENTRE_TIMEZONE

CREATOR = UUID("00000000-0000-4000-8000-000000000100")


def at_noon(day: str) -> datetime:
    local = datetime.combine(datetime.fromisoformat(day).date(), time(12), CENTRE_TIMEZONE)
    return local.astimezone(UTC)


async def add_case(
    fields: dict[str, str],
    documents: list[tuple[str, dict[str, str]]],
    *,
    submitted: str,
    status: str = "submitted",
    decided: str | None = None,
    kind: str = "withdrawal",
    shas: list[str] | None = None,
    creator: UUID = CREATOR,
    team: UUID | None = None,
) -> UUID:
    case_id = uuid4()
    when = at_noon(submitted)
    await Case.insert(
        Case(
            id=case_id,
            kind=kind,
            status=status,
            fields=json.dumps(fields, ensure_ascii=False),
            field_meta="{}",
            conflicts="[]",
            version=2,
            creator=creator,
            assignee=creator,
            team=team,
            created_at=when,
            updated_at=at_noon(decided or submitted),
        )
    )
    for index, (doc_type, doc_fields) in enumerate(documents):
        sha = shas[index] if shas else uuid4().hex * 2
        await CaseDocument.insert(
            CaseDocument(
                id=uuid4(),
                case_id=case_id,
                doc_type=doc_type,
                sha256=sha,
                status="uploaded",
                fields=json.dumps(doc_fields, ensure_ascii=False),
                checks="[]",
                version=1,
                created_at=when,
            )
        )
    events = [("create", when), ("submit", when)]
    if decided:
        events.append(("approve" if status == "approved" else "return", at_noon(decided)))
    for action, moment in events:
        await CaseHistory.insert(
            CaseHistory(
                case_id=case_id,
                at=moment,
                actor=creator,
                actor_name="staff1",
                action=action,
            )
        )
    return case_id
