"""Use case: where a case's documents stand in the OCR queue and about how long they will
take (``ocrQueue``). Apart from ``service`` so the app's GraphQL does not load the pipeline.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.cases import reads
from backend.documents import queries
from backend.documents.models import QueuePlace
from backend.documents.queue_estimate import RECENT, estimated_seconds, recent_throughput
from backend.documents.requests import PROCESS_DOCUMENT, processing_key
from backend.jobs.queue import queue_places

WAITING = "uploaded"  # the file is here and a reading job is queued or running


async def case_queue(user: UserRecord, case_id: UUID) -> list[QueuePlace]:
    """The case's documents waiting to be read, first in line first. FORBIDDEN/NOT_FOUND as
    ``case(id)`` for a case the user may not see."""
    documents = await reads.documents_for(user, case_id)
    keys = {processing_key(d.id): d.id for d in documents if d.status == WAITING}
    if not keys:
        return []
    places = await queue_places(PROCESS_DOCUMENT, list(keys))
    now = datetime.now(UTC)
    finished, earliest = await queries.readings_finished_since(now - RECENT)
    per_second = recent_throughput(finished, earliest, now)
    found = [
        QueuePlace(keys[key], position, estimated_seconds(position, per_second))
        for key, position in places.items()
    ]
    return sorted(found, key=lambda place: place.position)
