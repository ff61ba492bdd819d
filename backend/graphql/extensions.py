"""Schema extensions: the access policy at every root field, and the error catalogue mapping."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLResolveInfo, parse
from strawberry.extensions import SchemaExtension

from backend.accounts import devices
from backend.errors import DEFAULT_MESSAGES, DoorstepError, ErrorCode
from backend.graphql.access import OPERATION_ACCESS, PUBLIC, allowed

log = logging.getLogger("doorstep.graphql")


class EnforceAccessPolicy(SchemaExtension):
    """Checks :data:`OPERATION_ACCESS` and device revocation before any root resolver runs."""

    # Passes every nested field through untouched, so lists of plain objects may skip it
    # (backend/graphql/execution.py).
    root_fields_only = True

    def resolve(
        self,
        _next: Callable[..., Any],
        root: Any,
        info: GraphQLResolveInfo[Any],
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if info.path.prev is None and not info.field_name.startswith("__"):
            context = info.context
            if OPERATION_ACCESS.get(info.field_name) != PUBLIC:
                principal = context.require_principal()
                if info.field_name not in devices.SYNC_OPERATIONS:
                    devices.refuse_revoked(principal)  # disabled users never get this far
                if not allowed(info.field_name, principal.user.role):
                    raise DoorstepError(ErrorCode.FORBIDDEN)
        return _next(root, info, *args, **kwargs)


def _coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DoorstepError):
        code, message, extra = original.code, original.message, original.as_dict()
    elif original is None or isinstance(original, GraphQLError) or error.path is None:
        # Parse, validation and variable errors (no resolver path): the client sent a
        # malformed or too large request, never a server fault.
        too_complex = any(
            word in error.message
            for word in ("exceeds maximum", "too many", "Too many", "aliases", "more than")
        )
        code = ErrorCode.QUERY_TOO_COMPLEX if too_complex else ErrorCode.BAD_REQUEST
        message, extra = f"{DEFAULT_MESSAGES[code]}（{error.message}）", {}
    else:
        log.error("unhandled error in %s", error.path, exc_info=original)
        code = ErrorCode.INTERNAL_ERROR
        message, extra = DEFAULT_MESSAGES[code], {}
    extensions = {**(error.extensions or {}), "code": str(code)}
    if extra.get("field"):
        extensions["field"] = extra["field"]
    if extra.get("details"):
        extensions["details"] = extra["details"]
    if code == ErrorCode.DEVICE_REVOKED:
        extensions["wipe"] = True  # the device drops its local data (sync/PROTOCOL.md)
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


class CodedErrors(SchemaExtension):
    """Every error leaves with ``extensions.code`` and a Chinese message; internals never leak."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [_coded(error) for error in errors]


class KnownDocuments:
    """The parsed and validated operations one schema has seen, by their text, most recent
    last: the PWA and the sync client send the same few operations all day long, and parsing
    plus validating one (with the depth and alias limits) cost more than executing it.

    Only operations that passed validation are kept, so a refused one is checked again each
    time it comes. Keyed by the text alone: the schema and its limits are fixed for the
    schema that owns this cache. Bounded, so unknown texts only push out old entries."""

    def __init__(self, capacity: int = 256) -> None:
        self.capacity = capacity
        self._documents: OrderedDict[str, DocumentNode] = OrderedDict()
        self._validated: set[str] = set()

    def parsed(self, query: str) -> DocumentNode | None:
        document = self._documents.get(query)
        if document is not None:
            self._documents.move_to_end(query)
        return document

    def remember(self, query: str, document: DocumentNode) -> None:
        self._documents[query] = document
        self._documents.move_to_end(query)
        while len(self._documents) > self.capacity:
            forgotten, _ = self._documents.popitem(last=False)
            self._validated.discard(forgotten)

    def parse(self, query: str, max_tokens: int) -> DocumentNode | None:
        """The document of ``query`` parsed as strawberry would (with the token limit), once:
        the public edge guard (``backend/web/public_guard.py``) reads root fields from the
        same cache the schema then executes from. None when it does not parse (the schema
        answers that with its own error)."""
        document = self.parsed(query)
        if document is None:
            try:
                document = parse(query, max_tokens=max_tokens)
            except GraphQLError:
                return None
            self.remember(query, document)
        return document

    def is_valid(self, query: str) -> bool:
        return query in self._validated

    def passed_validation(self, query: str) -> None:
        if query in self._documents:
            self._validated.add(query)


class CachedDocuments(SchemaExtension):
    """Parses and validates each operation text once per process (see :class:`KnownDocuments`);
    strawberry's own parse and validation (with every rule the other extensions add) run on
    a miss."""

    def __init__(self, known: KnownDocuments) -> None:
        super().__init__()
        self.known = known

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        if query is not None and context.graphql_document is None:
            context.graphql_document = self.known.parsed(query)
        yield
        if query is not None and context.graphql_document is not None:
            self.known.remember(query, context.graphql_document)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        if query is not None and self.known.is_valid(query):
            context.pre_execution_errors = []  # strawberry skips validating it again
        yield
        if query is not None and context.pre_execution_errors == []:
            self.known.passed_validation(query)
