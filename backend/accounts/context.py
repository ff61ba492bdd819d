"""Per-request GraphQL context: settings, the signed-in user (if any), the caller's address."""

from __future__ import annotations

from litestar import Request
from strawberry.litestar import BaseContext
from strawberry.types import Info as StrawberryInfo

from backend.accounts import devices
from backend.accounts import service as accounts
from backend.accounts.models import Principal, UserRecord
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings, get_settings


class Context(BaseContext, kw_only=True):
    settings: Settings
    user: UserRecord | None = None
    auth_error: DoorstepError | None = None
    address: str = "unknown"
    device_id: str | None = None
    principal: Principal | None = None

    def require_user(self) -> UserRecord:
        """The signed-in user; a revoked device is refused here (``DEVICE_REVOKED``)."""
        principal = self.require_principal()
        devices.refuse_revoked(principal)
        return principal.user

    def require_principal(self) -> Principal:
        """Signed in, even from a revoked device: only sync push/pull (one last push)."""
        if self.principal is None:
            raise self.auth_error or DoorstepError(ErrorCode.UNAUTHENTICATED)
        return self.principal


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
            context.principal = await accounts.principal_for_token(token, settings)
            context.user = context.principal.user
        except DoorstepError as error:
            context.auth_error = error
    return context
