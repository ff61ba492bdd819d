"""Route guards for plain HTTP downloads (exports): the same Bearer access token as GraphQL.

A guard reads the token, refuses with a coded 401/403 (in the user's words), and leaves the
signed-in user on ``connection.state.user`` for the handler.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Response
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from backend.accounts.roles import Role
from backend.accounts.service import user_for_token
from backend.errors import DoorstepError, ErrorCode
from backend.settings import get_settings

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def roles_only(roles: frozenset[Role], refusal: str | None = None) -> Guard:
    """A guard letting a signed-in user with one of ``roles`` through (``refusal`` else)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        scheme, _sep, token = connection.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise DoorstepError(ErrorCode.UNAUTHENTICATED)
        user = await user_for_token(token.strip(), get_settings())
        if user.role not in roles:
            raise DoorstepError(ErrorCode.FORBIDDEN, refusal)
        connection.state.user = user

    return guard


def attachment(content: bytes, media_type: str, name: str) -> Response[bytes]:
    """A file to save, never kept by a shared cache (it holds one team's or person's data)."""
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "private, no-store",
        },
    )
