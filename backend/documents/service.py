"""Reading a case document in the background: the ``documents.process`` job's use case.

The OCR step is CPU-bound and runs in the job process pool (``backend.jobs.cpu``), never on
a request. The reading is stored per document (``document_reading``), its fields and checks
go to the device through the document's change, read values fill the case's empty fields,
and disagreements with what staff typed become checks on the case.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from backend.cases import processing
from backend.cases.models import DocumentRecord
from backend.cases.service import load_case
from backend.documents import queries
from backend.documents.case_fields import case_values, compare, unreadable_check
from backend.documents.models import Reading
from backend.documents.ocr_task import read_image
from backend.documents.requests import MAX_READ_ATTEMPTS
from backend.documents.result import device_reading
from backend.errors import ErrorCode
from backend.jobs.cpu import run_cpu
from backend.uploads.service import open_blob
from sync.changelog import changes

log = logging.getLogger("doorstep.documents")


def _now() -> datetime:
    return datetime.now(UTC)


def _reading(document: DocumentRecord, status: str, attempts: int, **values: Any) -> Reading:
    return Reading(
        document_id=document.id,
        case_id=document.case_id,
        sha256=document.sha256,
        declared_type=document.doc_type,
        detected_type=values.get("detected_type"),
        status=status,
        attempts=attempts,
        result=values.get("result", {}),
        case_checks=values.get("case_checks", []),
        error_code=values.get("error_code"),
        error_message=values.get("error_message"),
        updated_at=_now(),
    )


async def process_document(document_id: UUID) -> str:
    """Reads one document; returns ``processed``, ``failed`` or ``skipped`` (nothing to do).

    An unreadable image fails at once; any other error is retried by the job queue until
    the last attempt, which stores the document as ``failed`` with a coded error.
    """
    started = await processing.start_reading(document_id)
    if started is None:
        return "skipped"
    document = started.document
    previous = await queries.reading_of(document_id)
    attempts = (previous.attempts if previous else 0) + 1
    try:
        content = await open_blob(document.sha256)
        output = await run_cpu(read_image, content, document.doc_type)
    except Exception as error:  # the job queue retries; the last attempt gives up cleanly
        if attempts < MAX_READ_ATTEMPTS:
            await queries.save_reading(
                _reading(document, "processing", attempts, error_message=repr(error))
            )
            raise
        log.exception("document %s could not be read after %d attempts", document_id, attempts)
        message = f"{type(error).__name__}: {error}"
        output = {"error": {"code": str(ErrorCode.DOCUMENT_READ_FAILED), "message": message}}
    return await _store(document, output, attempts)


async def _store(document: DocumentRecord, output: dict[str, Any], attempts: int) -> str:
    doc_id = str(document.id)
    async with changes.write_transaction():
        case = await load_case(document.case_id)
        error = output.get("error")
        if error is not None:
            check = {"code": error["code"], "severity": "error", "field": None,
                     "message": error["message"]}
            finished = await processing.finish_reading(
                document, status="failed", doc_type=None, fields={}, checks=[check], fills={}
            )
            reading = _reading(
                document, "failed", attempts, error_code=error["code"],
                error_message=error["message"],
                case_checks=[
                    unreadable_check(doc_id, document.doc_type, error["code"], error["message"])
                ],
            )
        else:
            detected = output.get("type")
            doc_type = document.doc_type or detected
            read = case_values(str(case.kind), doc_type, output.get("fields", {}))
            comparison = compare(case.fields, read, doc_id, doc_type)
            finished = await processing.finish_reading(
                document, status="processed", doc_type=detected,
                fields=dict(output.get("fields", {})), checks=list(output.get("checks", [])),
                fills=comparison.fills, reading=device_reading(output),
            )
            reading = _reading(document, "processed", attempts, detected_type=detected,
                               result=output)
        if finished is None:
            return "skipped"
        await queries.save_reading(reading)
    log.info("document %s %s (case %s)", doc_id, reading.status, document.case_id)
    return reading.status


async def case_checks(case_id: UUID) -> list[dict[str, Any]]:
    """Checks the case's documents raise on it: documents that could not be read, and
    values read that differ from what the case says now (so a correction clears them)."""
    case = await load_case(case_id)
    checks: list[dict[str, Any]] = []
    for reading in await queries.readings_of_case(case_id):
        if reading.status == "failed":
            checks += reading.case_checks
        elif reading.status == "processed":
            doc_type = reading.declared_type or reading.detected_type
            read = case_values(str(case.kind), doc_type, reading.result.get("fields", {}))
            checks += compare(case.fields, read, str(reading.document_id), doc_type).checks
    return checks
