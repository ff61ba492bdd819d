"""Per-request GraphQL context: settings, the signed-in user (if any), the caller's address."""

from __future__ import annotations

from litestar import Request
from strawberry.litestar import BaseContext
from strawberry.types import Info as StrawberryInfo

from backend.accounts import service as accounts
from backend.accounts.models import UserRecord
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings, get_settings


class Context(BaseContext, kw_only=True):
    settings: Settings
    user: UserRecord | None = None
    auth_error: DoorstepError | None = None
    address: str = "unknown"
    device_id: str | None = None

    def require_user(self) -> UserRecord:
        if self.user is None:
            raise self.auth_error or DoorstepError(ErrorCode.UNAUTHENTICATED)
        return self.user


Info = StrawberryInfo[Context, None]


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def context_getter(request: Request) -> Context:  # type: ignore[type-arg]
    settings = get_settings()
    address = request.client.host if request.client else "unknown"
    context = Context(
        settings=settings, address=address, device_id=request.headers.get("x-device-id")
    )
    token = bearer_token(request.headers.get("authorization"))
    if token:
        try:
            context.user = await accounts.user_for_token(token, settings)
        except DoorstepError as error:
            context.auth_error = error
    return context
