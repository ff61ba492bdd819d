"""Calling a registry through its connector, behind the circuit breaker; every call is
recorded (latency, outcome) for the breaker and the admin page's health figures."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from backend.registry import queries
from backend.registry.breaker import BreakerState, Call, breaker_state
from backend.registry.connectors import Connector, RegistryUnavailableError, http_connector
from backend.registry.records import RegistryResult
from backend.registry.sources import Source
from backend.settings import get_settings


def connector_for(source: Source) -> Connector:
    settings = get_settings()
    return http_connector(
        source, settings.registry_url_for(str(source)), settings.registry_timeout_seconds
    )


async def breaker_of(source: Source, now: datetime | None = None) -> BreakerState:
    settings = get_settings()
    recent = await queries.calls_of(source, None, settings.registry_breaker_failures)
    return breaker_state(
        recent,
        settings.registry_breaker_failures,
        timedelta(seconds=settings.registry_breaker_cooldown_seconds),
        now or datetime.now(UTC),
    )


async def call_registry(
    source: Source, id_number: str, name: str, purpose: str
) -> RegistryResult:
    """The source's answer; raises :class:`RegistryUnavailableError` (``circuit_open`` with
    ``retry_at`` when the breaker holds calls back)."""
    state = await breaker_of(source)
    if state.state == "open":
        raise RegistryUnavailableError("circuit_open", "breaker open", state.retry_at)
    connector = connector_for(source)  # not configured: not a call, the breaker ignores it
    started = time.monotonic()
    try:
        result = await connector.query(id_number, name, purpose)
    except RegistryUnavailableError as error:
        elapsed = int((time.monotonic() - started) * 1000)
        await queries.record_call(
            source, Call(datetime.now(UTC), False, elapsed, f"{error.reason}: {error.detail}")
        )
        raise
    elapsed = int((time.monotonic() - started) * 1000)
    await queries.record_call(source, Call(datetime.now(UTC), True, elapsed))
    return result
