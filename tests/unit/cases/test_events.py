"""backend.cases.events: higher domains listen to the cases domain without it importing them."""

from __future__ import annotations

from uuid import UUID, uuid4

from backend.cases import events
from backend.cases.events import CaseEvent


def test_the_listener_modules_register_documents_and_verification() -> None:
    names = {
        event: {f"{fn.__module__}.{fn.__name__}" for fn in events.listeners(event)}
        for event in CaseEvent
    }
    assert "backend.documents.requests.request_processing" in names[CaseEvent.DOCUMENT_PRESENT]
    assert "backend.verification.listeners.verify_when_ready" in names[CaseEvent.READY_FOR_CHECKS]
    provider = events._readings[0]
    assert provider.__module__ == "backend.documents.queries"
    assert provider.__name__ == "device_readings"
    flags = events._flags[0]
    assert (flags.__module__, flags.__name__) == ("backend.verification.flags", "case_flags")


async def test_emit_runs_each_listener_once_in_order() -> None:
    heard: list[tuple[str, UUID]] = []

    async def first(subject: UUID) -> None:
        heard.append(("first", subject))

    async def second(subject: UUID) -> None:
        heard.append(("second", subject))

    event = CaseEvent.READY_FOR_CHECKS
    before, loaded = list(events._listeners[event]), events._loaded
    try:
        events._listeners[event][:] = []
        events._loaded = True  # only the two below
        for fn in (first, second, first):  # registering twice keeps one
            events.on(event)(fn)
        subject = uuid4()
        await events.emit(event, subject)
        assert heard == [("first", subject), ("second", subject)]
    finally:
        events._listeners[event][:] = before
        events._loaded = loaded
