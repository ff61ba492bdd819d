"""Schema extensions: the access policy at every root field, and the error catalogue mapping."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo
from strawberry.extensions import SchemaExtension

from backend.accounts import devices
from backend.errors import DEFAULT_MESSAGES, DoorstepError, ErrorCode
from backend.graphql.access import OPERATION_ACCESS, PUBLIC, allowed

log = logging.getLogger("doorstep.graphql")


class EnforceAccessPolicy(SchemaExtension):
    """Checks :data:`OPERATION_ACCESS` and device revocation before any root resolver runs."""

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


class ValidDocuments:
    """Document texts one schema found valid, most recently used last (bounded: a flood
    of varied texts only churns the oldest entries). One per schema, as validity depends
    on the schema and its limits."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._texts: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, text: str) -> bool:
        if text in self._texts:
            self._texts.move_to_end(text)
            return True
        return False

    def add(self, text: str) -> None:
        self._texts[text] = None
        if len(self._texts) > self.size:
            self._texts.popitem(last=False)


class RememberValid(SchemaExtension):
    """Skips validating a document text this schema already found valid.

    Validation is the dearest step of a small request (about three quarters of a refused
    ``askQuestion``: ``bench/public_flood.py``), and its outcome depends only on the text,
    the schema and the limits, none of which change while the schema lives. Only valid
    texts are remembered, so an error is always freshly built. Listed after the limiters,
    whose rules it then skips with the rest."""

    def __init__(self, valid: ValidDocuments) -> None:
        super().__init__()
        self.valid = valid

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        known = text is not None and text in self.valid
        if known:
            context.pre_execution_errors = []
        yield
        if not known and text is not None and context.pre_execution_errors == []:
            self.valid.add(text)
