"""The edge guard of the public pages: an address this process already refused is refused
again before its request is parsed, validated or touches the database, and at a pace.

``backend.consultation.limits`` remembers each address the database has refused until that
window ends. For an anonymous ``/graphql`` request from such an address (and only then),
this middleware reads the body, finds the document's root fields (from the schema's own
parse cache, ``KnownDocuments``; no validation) and, if one of them counts against an
exhausted limit, answers as the resolver would: ``RATE_LIMITED`` with
``details.retryAfterSeconds`` (and ``Retry-After``). Every other request passes untouched
after one dict lookup.

Answering a refusal at once would let a client that asks again as soon as it is answered
take a whole core of the server for refusals alone, and slow everyone else down. So the
refusals of one address are paced (:class:`RefusalPace`): beyond a burst, at most
``REFUSALS_PER_SECOND`` per process, each held (a timer, no work) until its turn. A
flooding client then gets its answers at that rate whatever its speed
(``bench/public_flood.py``). A client opening
thousands of connections is the reverse proxy's to stop (nginx ``limit_conn``).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from backend.consultation.limits import address_refused, refused_fields
from backend.errors import DEFAULT_MESSAGES, ErrorCode
from backend.graphql.extensions import KnownDocuments
from backend.graphql.http import preferred_media_type

REFUSALS_PER_SECOND = 10.0
REFUSAL_BURST = 10
# A refusal never waits longer than this: beyond, it is answered at once (more connections
# than the pace can hold are the reverse proxy's to limit).
LONGEST_HOLD = 2.0


def root_fields_of(document: DocumentNode) -> set[str]:
    """Names of the root fields of every operation (through fragments)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    found: set[str] = set()
    seen: set[str] = set()

    def walk(selections: SelectionSetNode) -> None:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                found.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    seen.add(name)
                    walk(fragments[name].selection_set)

    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            walk(definition.selection_set)
    return found


class RefusalPace:
    """When each address's refusals may be sent: a burst of ``burst`` at once (a member
    tapping twice never waits), then one every ``1 / per_second`` (the generic cell rate
    algorithm: one theoretical arrival time per address). Pure: the clock is given."""

    def __init__(
        self, per_second: float = REFUSALS_PER_SECOND, burst: int = REFUSAL_BURST,
        capacity: int = 10_000,
    ) -> None:
        self.interval = 1.0 / per_second
        self.allowance = (burst - 1) * self.interval
        self.capacity = capacity
        self._arrival: dict[str, float] = {}

    def hold(self, address: str, now: float) -> float:
        """Seconds to hold this refusal of ``address`` before answering (0: at once)."""
        if len(self._arrival) >= self.capacity:
            self._arrival = {a: t for a, t in self._arrival.items() if t > now}
        arrival = max(now, self._arrival.get(address, now))
        wait = max(0.0, arrival - now - self.allowance)
        if wait > LONGEST_HOLD:
            return 0.0
        self._arrival[address] = arrival + self.interval
        return wait


def query_text(method: str, query_string: bytes, body: bytes) -> str | None:
    """The GraphQL document of a GET (``?query=``) or a JSON POST; None if there is none."""
    if method == "GET":
        values = parse_qs(query_string.decode("latin-1")).get("query")
        return values[0] if values else None
    try:
        payload = json.loads(body)
    except ValueError:
        return None
    text = payload.get("query") if isinstance(payload, dict) else None
    return text if isinstance(text, str) else None


def refusal(wait: int, accept: str | None) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """The answer to a refused request; the headers are a fresh list (middleware outside may
    add to it)."""
    headers, body = _refusal(wait, preferred_media_type(accept))
    return list(headers), body


@lru_cache(maxsize=64)
def _refusal(wait: int, media_type: str) -> tuple[tuple[tuple[bytes, bytes], ...], bytes]:
    """Built once per wait and media type: encoding the body was a quarter of a refusal's
    work (py-spy, in-process, 2026-12-07)."""
    error = {
        "message": DEFAULT_MESSAGES[ErrorCode.RATE_LIMITED],
        "extensions": {"code": str(ErrorCode.RATE_LIMITED),
                       "details": {"retryAfterSeconds": wait}},
    }
    body = json.dumps({"data": None, "errors": [error]}, ensure_ascii=False).encode()
    headers = (
        (b"content-type", f"{media_type}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"vary", b"Accept"),
        (b"retry-after", str(wait).encode()),
    )
    return headers, body


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def public_guard(
    max_body: int, max_tokens: int, known: KnownDocuments
) -> Callable[[ASGIApp], ASGIApp]:
    pace = RefusalPace()

    def root_fields(text: str) -> set[str]:
        document = known.parse(text, max_tokens)
        return root_fields_of(document) if document is not None else set()

    def middleware_factory(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            client = scope.get("client")
            if (
                scope["type"] != ScopeType.HTTP
                or scope["path"] != "/graphql"
                or not client
                or not address_refused(client[0])
                or _header(scope, b"authorization")
            ):
                await app(scope, receive, send)
                return
            read: list[Message] = []
            body = b""
            more = scope["method"] == "POST"
            while more and len(body) <= max_body:
                message: Any = await receive()
                read.append(message)
                body += bytes(message.get("body", b""))
                more = bool(message.get("more_body", False))
            text = None if more else query_text(scope["method"], scope["query_string"], body)
            wait = refused_fields(client[0], root_fields(text)) if text else None
            if wait is not None:
                held = pace.hold(client[0], time.monotonic())
                if held:
                    await asyncio.sleep(held)
                headers, answer = refusal(wait, _header(scope, b"accept"))
                start: Any = {"type": "http.response.start", "status": 200, "headers": headers}
                await send(start)
                finish: Any = {"type": "http.response.body", "body": answer}
                await send(finish)
                return

            async def replay() -> Any:
                return read.pop(0) if read else await receive()

            await app(scope, replay, send)

        return middleware

    return middleware_factory
