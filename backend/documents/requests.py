"""Asking for a case document to be read: a ``documents.process`` job, one per document.

Queued when the cases domain says a document is present (``CaseEvent.DOCUMENT_PRESENT``,
``backend.documents.listeners``): cases never imports this domain. Kept apart from the job
handler so listening does not load the pipeline.
"""

from __future__ import annotations

from uuid import UUID

from backend.jobs.queue import enqueue

PROCESS_DOCUMENT = "documents.process"
MAX_READ_ATTEMPTS = 3  # OCR failures (not unreadable images) are retried this often
RETRY_SECONDS = 20.0


def processing_key(document_id: UUID) -> str:
    """The job's dedupe key: at most one waiting job per document, and how it is found."""
    return f"{PROCESS_DOCUMENT}:{document_id}"


async def request_processing(document_id: UUID) -> None:
    """Call inside the transaction in which the document became present (file verified
    and attached): the job then exists exactly when its cause does."""
    await enqueue(
        PROCESS_DOCUMENT,
        {"documentId": str(document_id)},
        dedupe_key=processing_key(document_id),
    )
