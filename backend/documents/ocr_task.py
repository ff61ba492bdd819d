"""The OCR step as the process pool runs it: plain bytes in, plain JSON out.

It runs in a pool process (``backend.jobs.cpu.run_cpu``), where the pipeline keeps one
engine per process and reuses it; exceptions and results cross the process boundary as
JSON so nothing depends on pickling our classes.
"""

from __future__ import annotations

from typing import Any

from backend.documents.pipeline import extract_document
from backend.errors import DoorstepError


def read_image(image_bytes: bytes, doc_type: str | None) -> dict[str, Any]:
    try:
        result = extract_document(image_bytes, doc_type or "auto")
    except DoorstepError as error:
        return {"error": {"code": str(error.code), "message": error.message}}
    return {
        **result.to_json(),
        "engine": result.engine,
        "timings": result.timings,
        "preprocessing": result.preprocessing,
        "measurements": result.measurements,
        "raw_confidence": result.raw_confidence,
    }
