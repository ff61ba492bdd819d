"""The edge guard of the public pages: an address this process already refused is refused
again before its request is parsed, validated or touches the database.

``backend.consultation.limits`` remembers each address the database has refused until that
window ends. For an anonymous ``/graphql`` request from such an address (and only then),
this middleware reads the body, finds the document's root fields (a cached parse, no
validation) and, if one of them counts against an exhausted limit, answers as the resolver
would: ``RATE_LIMITED`` with ``details.retryAfterSeconds`` (and ``Retry-After``). Every
other request passes untouched after one dict lookup. So a flood from one address costs
the app little more than reading it, and others are not slowed down (``bench/public_flood.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from backend.consultation.limits import address_refused, refused_fields
from backend.errors import DEFAULT_MESSAGES, ErrorCode
from backend.graphql.http import preferred_media_type


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


@lru_cache(maxsize=256)
def root_fields(text: str, max_tokens: int) -> frozenset[str]:
    """Root fields of a document text; empty when it does not parse (the app answers that)."""
    try:
        return frozenset(root_fields_of(parse(text, no_location=True, max_tokens=max_tokens)))
    except GraphQLError:
        return frozenset()


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
    error = {
        "message": DEFAULT_MESSAGES[ErrorCode.RATE_LIMITED],
        "extensions": {"code": str(ErrorCode.RATE_LIMITED),
                       "details": {"retryAfterSeconds": wait}},
    }
    body = json.dumps({"data": None, "errors": [error]}, ensure_ascii=False).encode()
    headers = [
        (b"content-type", f"{preferred_media_type(accept)}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"vary", b"Accept"),
        (b"retry-after", str(wait).encode()),
    ]
    return headers, body


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def public_guard(max_body: int, max_tokens: int) -> Callable[[ASGIApp], ASGIApp]:
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
            fields = root_fields(text, max_tokens) if text else frozenset()
            wait = refused_fields(client[0], set(fields))
            if wait is not None:
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
