"""Job handlers of the documents domain (listed in backend.jobs.registry.JOB_MODULES)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.documents import service
from backend.documents.requests import MAX_READ_ATTEMPTS, PROCESS_DOCUMENT, RETRY_SECONDS
from backend.jobs.registry import job


# One more queue attempt than read attempts: the last run stores the failure itself.
@job(PROCESS_DOCUMENT, max_attempts=MAX_READ_ATTEMPTS + 1, backoff_seconds=RETRY_SECONDS)
async def process_document_job(payload: dict[str, Any]) -> None:
    await service.process_document(UUID(payload["documentId"]))
