"""OCR engines behind one interface, created once per process and reused.

``get_engine("rapidocr")`` / ``get_engine("tesseract")``; engines are expensive to load
(models, language data), so each worker process keeps one of each it has used.
"""

from __future__ import annotations

import os
import threading

import cv2

from backend.documents.ocr.base import OcrEngine, OcrLine, OcrPage

# Threads: one per process, so that N worker processes use N cores without contention
# (Tesseract with OpenMP on 2 cores was measured 6x slower). Must be set before the
# engines' native libraries are loaded.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
cv2.setNumThreads(1)  # OpenCV's own pool would compete with the other worker the same way

ENGINE_NAMES = ("rapidocr", "tesseract")
DEFAULT_ENGINE = "rapidocr"
_engines: dict[str, OcrEngine] = {}
_lock = threading.Lock()


def get_engine(name: str = DEFAULT_ENGINE) -> OcrEngine:
    with _lock:
        engine = _engines.get(name)
        if engine is None:
            engine = _create(name)
            _engines[name] = engine
        return engine


def _create(name: str) -> OcrEngine:
    if name == "rapidocr":
        from backend.documents.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine()
    if name == "tesseract":
        from backend.documents.ocr.tesseract import TesseractEngine

        return TesseractEngine()
    raise ValueError(f"unknown OCR engine {name!r}; choose one of {ENGINE_NAMES}")


__all__ = ["DEFAULT_ENGINE", "ENGINE_NAMES", "OcrEngine", "OcrLine", "OcrPage", "get_engine"]
