"""The baseline of bench/load.py: bare Litestar handlers doing what the GraphQL resolvers do.

Each route signs the caller in from the bearer token and checks the access policy as the
GraphQL schema does (:class:`backend.graphql.extensions.EnforceAccessPolicy` and
``require_user``), calls the same domain service as the resolver (``reads.list_cases``,
``reads.case_view`` and ``case_flags``, ``push``, ``pull``) and answers the JSON the PWA's
operation gets from ``/graphql`` (bench/load.py checks they are equal). The app is served
the same way (uvicorn, 2 workers, the same database pool, security headers, gzip and log
level), so the ratio of the two is what the GraphQL layer costs: parsing, validation, the
schema extensions, execution and the typed result objects.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Litestar, Request, Response, post
from litestar.config.compression import CompressionConfig

from backend.accounts import devices
from backend.accounts import service as accounts
from backend.accounts.context import bearer_token
from backend.accounts.models import Principal, UserRecord
from backend.cases import reads
from backend.cases.events import case_flags
from backend.cases.models import CaseRecord
from backend.db import lifecycle
from backend.errors import DoorstepError, ErrorCode
from backend.graphql.access import allowed
from backend.settings import get_settings
from backend.verification.risk import risk_level
from backend.web.security import security_headers
from sync import pull as pulling
from sync import push as pushing
from sync.protocol import Mutation


async def _signed_in(request: Request[Any, Any, Any], operation: str) -> Principal:
    """The checks the schema makes before a root field runs, in the same order."""
    token = bearer_token(request.headers.get("authorization"))
    if not token:
        raise DoorstepError(ErrorCode.UNAUTHENTICATED)
    principal = await accounts.principal_for_token(token, get_settings())
    if operation not in devices.SYNC_OPERATIONS:
        devices.refuse_revoked(principal)
    if not allowed(operation, principal.user.role):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    return principal


def _summary(
    case: CaseRecord, risk: str | None, assignees: dict[UUID, UserRecord] | None = None
) -> dict[str, Any]:
    assignee = (assignees or {}).get(case.assignee) if case.assignee else None
    return {"id": str(case.id), "kind": str(case.kind), "status": str(case.status),
            "version": case.version, "fields": case.fields, "risk": risk,
            "assignee": {"displayName": assignee.display_name} if assignee else None}


@post("/bare/cases", status_code=200)
async def cases(request: Request[Any, Any, Any], data: dict[str, Any]) -> dict[str, Any]:
    user = (await _signed_in(request, "cases")).user
    page = await reads.list_cases(user, reads.ListRequest(), data.get("first"), data.get("after"))
    edges = [{"node": _summary(case, page.risks.get(case.id, "none"), page.assignees)}
             for case in page.cases]
    page_info = {"endCursor": page.end_cursor, "hasNextPage": page.has_next_page}
    return {"data": {"cases": {"edges": edges, "pageInfo": page_info}}}


@post("/bare/case", status_code=200)
async def case(request: Request[Any, Any, Any], data: dict[str, Any]) -> dict[str, Any]:
    principal = await _signed_in(request, "case")
    view = await reads.case_view(principal.user, reads.parse_id(data["id"]),
                                 request.headers.get("x-device-id"))
    flags = await case_flags(view.case.id)
    node = _summary(view.case, str(risk_level(flags)))
    del node["risk"]
    node["fields"] = view.fields
    node["assignee"] = {"displayName": view.assignee.display_name} if view.assignee else None
    node["documents"] = [
        {"id": str(d.id), "docType": d.doc_type, "status": d.status, "sha256": d.sha256,
         "fields": d.fields,
         "checks": [{"code": c["code"], "severity": c.get("severity", "error"),
                     "field": c.get("field"), "message": c.get("message", "")}
                    for c in d.checks]}
        for d in view.documents
    ]
    node["flags"] = [
        {"code": f["code"], "severity": f.get("severity", "warning"), "field": f.get("field"),
         "message": f.get("message", ""), "evidence": f.get("evidence") or {}}
        for f in flags
    ]
    node["history"] = [
        {"at": h.at.isoformat(), "actor": h.actor_name, "action": h.action,
         "fromStatus": h.from_status, "toStatus": h.to_status, "reason": h.reason}
        for h in view.history
    ]
    return {"data": {"case": node}}


@post("/bare/push", status_code=200)
async def push(request: Request[Any, Any, Any], data: dict[str, Any]) -> dict[str, Any]:
    principal = await _signed_in(request, "push")
    given = data["input"]
    mutations = [Mutation(int(m["id"]), str(m["name"]), m["args"]) for m in given["mutations"]]
    outcome = await pushing.push(principal.user, str(given["clientId"]),
                                 int(given["protocolVersion"]), mutations, principal=principal)
    return {"data": {"push": {"lastMutationId": outcome.last_mutation_id}}}


@post("/bare/pull", status_code=200)
async def pull(request: Request[Any, Any, Any], data: dict[str, Any]) -> dict[str, Any]:
    principal = await _signed_in(request, "pull")
    page = await pulling.pull(principal.user, str(data["c"]), data.get("cursor"),
                              principal=principal)
    changes = [{"id": change.id} for change in page.changes]
    return {"data": {"pull": {"cursor": page.cursor, "changes": changes}}}


def _refused(_: Request[Any, Any, Any], error: DoorstepError) -> Response[Any]:
    return Response({"data": None, "errors": [error.as_dict()]}, status_code=200)


def create_app() -> Litestar:
    return Litestar(
        route_handlers=[cases, case, push, pull],
        on_startup=[lifecycle.open_pool],
        on_shutdown=[lifecycle.close_pool],
        exception_handlers={DoorstepError: _refused},
        middleware=[security_headers(production=get_settings().mode == "production")],
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
    )
