"""GraphQL over HTTP as the spec says (graphql.github.io/graphql-over-http), on strawberry's
Litestar controller.

- The media type follows ``Accept``: a client listing ``application/graphql-response+json``
  (the PWA and the sync client do) gets it; ``application/json``, ``*/*`` or no ``Accept``
  get ``application/json``, as before.
- With ``application/graphql-response+json``, a request that never reached execution
  (parse, validation or variable coercion failure) answers 400 and has no ``data`` entry.
  ``application/json`` clients keep 200 with ``data: null``. Either way each error keeps
  its ``extensions.code`` from the catalogue, and errors met while executing answer 200.
- Queries may come by GET; a mutation by GET is refused with 405 (``Allow: POST``) and never
  runs. Sign-in is a bearer
  token in a header, never a cookie, so a cross-site GET carries no credentials. The
  answers are ``Cache-Control: no-store`` (they hold personal data) and vary on
  ``Accept``; log lines drop the query string of a GET (backend/web/log_masking.py).
- strawberry's controller builds the empty response it merges headers into by a sync
  dependency run in a worker thread, a thread hop per request; here it is built in place.
- Answers are encoded with msgspec (UTF-8, no ``\\u`` escapes), several times faster than
  the standard library's encoder strawberry uses by default.
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from cross_web import HTTPException
from litestar import Request, Response
from litestar.background_tasks import BackgroundTasks
from litestar.di import Provide
from litestar.types import Dependencies
from strawberry.http import GraphQLHTTPResponse
from strawberry.litestar import make_graphql_controller
from strawberry.litestar.controller import GraphQLController
from strawberry.schema.base import BaseSchema
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
_REQUEST_ERROR = "graphql_request_error"
_encode_json = msgspec.json.Encoder().encode


def preferred_media_type(accept: str | None) -> str:
    """``application/graphql-response+json`` when the client accepts it at least as much
    as ``application/json`` (the first listed wins a tie); otherwise ``application/json``."""
    best, best_q = JSON, 0.0
    for part in (accept or "").split(","):
        media_type, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media_type.lower() == GRAPHQL_RESPONSE and q > best_q:
            best, best_q = GRAPHQL_RESPONSE, q
        elif media_type.lower() in (JSON, "application/*", "*/*") and q > best_q:
            best, best_q = JSON, q
    return best


def is_request_error(result: ExecutionResult) -> bool:
    """No data and only errors without a path: execution never began (the spec's
    "request error"); a field error always has a path."""
    return result.data is None and bool(result.errors) and all(
        error.path is None for error in result.errors or []
    )


async def _sub_response() -> Response[Any]:
    """What strawberry's ``response`` dependency gives, without its thread."""
    return Response({}, background=BackgroundTasks([]))


def graphql_controller(schema: BaseSchema, **options: Any) -> type[GraphQLController]:
    """strawberry's controller for ``schema`` (``options`` as for
    :func:`make_graphql_controller`), answering as described in this module's docstring."""
    base = make_graphql_controller(schema, allow_queries_via_get=True, **options)

    class GraphQLOverHTTP(base):  # type: ignore[valid-type,misc]
        dependencies: ClassVar[Dependencies] = {
            **base.dependencies, "response": Provide(_sub_response)
        }

        def encode_json(self, data: object) -> bytes:
            return _encode_json(data)

        async def process_result(
            self, request: Request[Any, Any, Any], result: ExecutionResult
        ) -> GraphQLHTTPResponse:
            response_data: GraphQLHTTPResponse = await super().process_result(request, result)
            if is_request_error(result) and (
                preferred_media_type(request.headers.get("accept")) == GRAPHQL_RESPONSE
            ):
                request.state[_REQUEST_ERROR] = True
                response_data.pop("data", None)
            return response_data

        async def execute_single(self, **kwargs: Any) -> ExecutionResult:
            try:
                result: ExecutionResult = await super().execute_single(**kwargs)
            except HTTPException as error:
                cause = error.__cause__
                if (
                    isinstance(cause, InvalidOperationTypeError)
                    and cause.operation_type == OperationType.MUTATION
                ):
                    raise HTTPException(405, error.reason) from cause
                raise
            return result

        async def execute_request(
            self, request: Request[Any, Any, Any], context: Any, root_value: Any
        ) -> Response[Any]:
            response: Response[Any] = await super().execute_request(
                request, context, root_value
            )
            if response.status_code == 405:
                response.headers["Allow"] = "POST"
            if response.media_type == JSON:
                response.media_type = preferred_media_type(request.headers.get("accept"))
                if request.state.get(_REQUEST_ERROR):
                    response.status_code = 400
                response.headers["Cache-Control"] = "no-store"
                response.headers["Vary"] = "Accept"
            return response

    return GraphQLOverHTTP
