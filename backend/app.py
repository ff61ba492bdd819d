"""The one place the application is assembled: each concern gets one small function."""

from __future__ import annotations

import gc
import logging
import warnings
from collections.abc import Sequence
from typing import Any

from litestar import Litestar, Request, Response
from litestar.config.compression import CompressionConfig
from litestar.logging import LoggingConfig
from litestar.logging.config import default_handlers
from litestar.types import ControllerRouterHandler

from backend.accounts.context import context_getter
from backend.assessment.http import staff_metrics_csv, staff_metrics_xlsx
from backend.assessment.monthly_http import assessment_xlsx
from backend.cases.events import load_listeners
from backend.cases.upload_hooks import register_upload_hooks
from backend.consultation.exports_http import feedback_report_xlsx
from backend.db import lifecycle
from backend.errors import DoorstepError, ErrorCode
from backend.graphql.http import graphql_controller as graphql_over_http
from backend.graphql.schema import schema
from backend.jobs import embedded as embedded_jobs
from backend.knowledge.startup import warm_up_search
from backend.notifications import vapid
from backend.settings import get_settings
from backend.uploads.files import serve_file
from backend.uploads.tus import TusController
from backend.verification import upload_hooks as verification_hooks
from backend.web import log_masking
from backend.web.health import health
from backend.web.public_guard import public_guard
from backend.web.pwa import pwa
from backend.web.security import security_headers

ERROR_STATUS = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.ACCOUNT_DISABLED: 403,
    ErrorCode.DEVICE_REVOKED: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.UPLOAD_TOO_LARGE: 413,
    ErrorCode.TOO_MANY_ATTEMPTS: 429,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.PHONE_RATE_LIMITED: 429,
    ErrorCode.NOT_ON_DUTY: 403,
    ErrorCode.CONFLICT: 409,
    ErrorCode.INTERNAL_ERROR: 500,
}


def doorstep_error_response(_: Request[Any, Any, Any], error: DoorstepError) -> Response[Any]:
    """The HTTP (non-GraphQL) mapping of the error catalogue."""
    return Response(error.as_dict(), status_code=ERROR_STATUS.get(error.code, 400))


# strawberry's Litestar controller relies on inferred dependencies and shares one context
# getter between HTTP and its websocket route; only those two warnings are muted.
warnings.filterwarnings("ignore", message=".*Inferred dependency field.*", module="litestar.*")
warnings.filterwarnings(
    "ignore", message=".*websocket_endpoint.*Reserved kwarg 'request'.*", module="litestar.*"
)


def graphql_controller() -> ControllerRouterHandler:
    settings = get_settings()
    controller = graphql_over_http(
        schema,
        path="/graphql",
        context_getter=context_getter,
        graphql_ide="graphiql" if settings.mode == "demo" else None,
    )
    # Uploads go through /uploads/; a GraphQL body has no reason to be large.
    controller.request_max_body_size = settings.graphql_max_body_bytes
    return controller


def route_handlers() -> Sequence[ControllerRouterHandler]:
    return [
        health,
        graphql_controller(),
        TusController,
        serve_file,
        staff_metrics_csv,
        staff_metrics_xlsx,
        feedback_report_xlsx,
        assessment_xlsx,
        pwa,
    ]


def logging_config() -> LoggingConfig:
    """Litestar's handlers, each with the filter that masks ID numbers in every record."""
    handlers = {
        name: {**handler, "filters": [log_masking.FILTER_NAME]}
        for name, handler in default_handlers.items()
    }
    return LoggingConfig(
        filters={log_masking.FILTER_NAME: {"()": log_masking.MaskIdNumbers}},
        handlers=handlers,
        root={"level": logging.getLevelName(logging.INFO), "handlers": ["queue_listener"]},
    )


# A young generation of 10,000 objects instead of 700: a pull page allocates tens of
# thousands of short-lived containers, and every tenth young collection walks the middle
# generation, every hundredth the app's ~200,000 long-lived objects (schema, ORM). A
# 10,000-case full sync ran ~1,000 collections (0.97 s of CPU); now ~10 (0.80 s).
# The older generations keep their default ratios.
GC_YOUNG_THRESHOLD = 10_000

# gzip level 6, not Litestar's default 9: on a 10,000-case full sync (5.1 MB of JSON) half
# the CPU (0.04 s instead of 0.08 s) for the same size (438,783 bytes against 438,984).
GZIP_LEVEL = 6


async def tune_garbage_collector() -> None:
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def create_app() -> Litestar:
    settings = get_settings()
    log_masking.install_on_server_loggers()
    register_upload_hooks()
    verification_hooks.register_upload_hooks()
    return Litestar(
        route_handlers=route_handlers(),
        on_startup=[tune_garbage_collector, lifecycle.open_pool, vapid.ensure_keys,
                    load_listeners, embedded_jobs.start, warm_up_search],
        on_shutdown=[embedded_jobs.stop, lifecycle.close_pool],
        exception_handlers={DoorstepError: doorstep_error_response},
        middleware=[
            security_headers(production=settings.mode == "production"),
            public_guard(
                settings.graphql_max_body_bytes, settings.graphql_max_tokens,
                schema.known_documents,
            ),
        ],
        compression_config=CompressionConfig(
            backend="gzip", minimum_size=1024, gzip_compress_level=GZIP_LEVEL
        ),
        logging_config=logging_config(),
        request_max_body_size=settings.upload_max_bytes + 1024 * 1024,
    )
