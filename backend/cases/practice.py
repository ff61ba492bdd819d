"""Practice cases (模拟演练): a draft case with ``practice = True`` and its photos.

Made for a trainee by the training domain (which sits above cases). A practice case is
edited and synced like a real one, but it never leaves the draft state: submission is
refused (``service.submit_case``), it is left out of case lists (the review queue) and
metrics (``queries``), its photos are never read, so it never raises flags or
notifications, and nothing turns it into a real case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from backend.cases import queries
from backend.cases.changes import case_put, document_put
from backend.cases.models import Actor, CaseRecord, DocumentRecord
from backend.cases.service import history, now
from backend.cases.status import CaseKind, CaseStatus
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes


@dataclass(frozen=True, slots=True)
class PracticePhoto:
    document_id: UUID
    sha256: str  # a verified blob
    doc_type: str | None


async def create_practice_case(
    actor: Actor, case_id: UUID, kind: CaseKind, photos: Sequence[PracticePhoto]
) -> CaseRecord:
    """A draft practice case assigned to ``actor`` with the photos attached (unread)."""
    user = actor.user
    async with changes.write_transaction():
        at = now()
        case = CaseRecord(
            id=case_id,
            kind=kind,
            status=CaseStatus.DRAFT,
            fields={},
            field_meta={},
            conflicts=[],
            version=1,
            creator=user.id,
            assignee=user.id,
            team_id=user.team_id,
            unit_id=None,
            created_at=at,
            updated_at=at,
            practice=True,
        )
        if not await queries.insert_case(case):
            raise DoorstepError(ErrorCode.CONFLICT, "该案件编号已存在", field="id")
        await queries.insert_history(history(actor, case, "create", None))
        entries = [case_put(case)]
        for photo in photos:
            document = DocumentRecord(
                id=photo.document_id,
                case_id=case.id,
                doc_type=photo.doc_type,
                sha256=photo.sha256,
                status="uploaded",
                fields={},
                checks=[],
                version=1,
                created_at=at,
            )
            await queries.insert_document(document)
            entries.append(document_put(document, case))
        await changes.record(entries, at)
    return case


async def practice_case(case_id: UUID) -> CaseRecord | None:
    case = await queries.case_by_id(case_id)
    return case if case is not None and case.practice else None
