"""How the documents domain answers the cases domain (``backend.cases.events``), which never
imports it: a present document is queued for reading, and a document's device copy gets its
reading (confidences, quality, preprocessing). Listed in ``LISTENER_MODULES`` there."""

from __future__ import annotations

from backend.cases.events import CaseEvent, on, provide_readings
from backend.documents.queries import device_readings
from backend.documents.requests import request_processing

on(CaseEvent.DOCUMENT_PRESENT)(request_processing)
provide_readings(device_readings)
