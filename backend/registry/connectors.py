"""Connectors: one per source, the same interface whatever answers (the bundled simulator,
a centre's gateway). ``HttpConnector`` speaks the registry contract v1 over HTTP."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Protocol

import httpx

from backend.registry.contract import (
    CONTRACT_VERSION,
    VERSION_HEADER,
    MalformedAnswerError,
    parse_answer,
    query_body,
    query_path,
)
from backend.registry.records import RegistryResult
from backend.registry.sources import Source


class RegistryUnavailableError(Exception):
    """No usable answer: ``reason`` is timeout | connection | http_5xx | http_4xx |
    malformed | circuit_open | not_configured. http_4xx and not_configured are not worth
    retrying."""

    def __init__(self, reason: str, detail: str = "", retry_at: datetime | None = None) -> None:
        self.reason = reason
        self.detail = detail[:200]
        self.retry_at = retry_at
        super().__init__(f"{reason}: {detail}")

    @property
    def retryable(self) -> bool:
        return self.reason not in ("http_4xx", "not_configured")


class Connector(Protocol):
    source: Source

    async def query(self, id_number: str, name: str, purpose: str) -> RegistryResult:
        """What the source holds on the person; raises :class:`RegistryUnavailableError`."""
        ...


class HttpConnector:
    def __init__(self, source: Source, base_url: str, timeout_seconds: float) -> None:
        self.source = source
        self.url = base_url.rstrip("/") + query_path(source)
        self.timeout = timeout_seconds

    async def query(self, id_number: str, name: str, purpose: str) -> RegistryResult:
        request_id = str(uuid.uuid4())
        body = query_body(id_number, name, purpose, request_id)
        headers = {VERSION_HEADER: CONTRACT_VERSION}
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, json=body, headers=headers)
        except httpx.TimeoutException as error:
            raise RegistryUnavailableError("timeout", type(error).__name__) from None
        except httpx.HTTPError as error:
            raise RegistryUnavailableError("connection", type(error).__name__) from None
        if response.status_code >= 500:
            raise RegistryUnavailableError("http_5xx", f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise RegistryUnavailableError("http_4xx", f"HTTP {response.status_code}")
        try:
            return parse_answer(self.source, response.json(), request_id)
        except (ValueError, MalformedAnswerError) as error:
            raise RegistryUnavailableError("malformed", str(error)) from None


def http_connector(source: Source, base_url: str, timeout_seconds: float) -> Connector:
    if not base_url:
        raise RegistryUnavailableError("not_configured", f"DOORSTEP_REGISTRY_URL for {source}")
    return HttpConnector(source, base_url, timeout_seconds)
