"""Signed session tokens through Litestar's JWT support."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from uuid import UUID, uuid4

from litestar.exceptions import NotAuthorizedException
from litestar.security.jwt import Token

from backend.errors import DoorstepError, ErrorCode

ALGORITHM = "HS256"
TokenKind = Literal["access", "refresh"]


@dataclass(frozen=True, slots=True)
class TokenClaims:
    user_id: UUID
    kind: TokenKind
    version: int
    device_id: str
    """The signed-in device (one sign-in on one tablet); kept across refreshes."""


def new_device_id() -> str:
    return str(uuid4())


def issue(
    user_id: UUID,
    version: int,
    kind: TokenKind,
    lifetime: timedelta,
    secret: str,
    device_id: str,
) -> str:
    token = Token(
        sub=str(user_id),
        exp=datetime.now(UTC) + lifetime,
        jti=secrets.token_hex(8),
        extras={"kind": kind, "ver": version, "dev": device_id},
    )
    return token.encode(secret, ALGORITHM)


def read(encoded: str, secret: str, expected: TokenKind) -> TokenClaims:
    """Decode and verify; expired or forged tokens become ``UNAUTHENTICATED``."""
    try:
        token = Token.decode(encoded, secret, ALGORITHM)
    except NotAuthorizedException:
        message = "登录已过期，请重新登录。" if _expired_but_genuine(encoded, secret) else None
        raise DoorstepError(ErrorCode.UNAUTHENTICATED, message) from None
    kind = token.extras.get("kind")
    version = token.extras.get("ver")
    device_id = token.extras.get("dev")
    if kind != expected or not isinstance(version, int) or not isinstance(device_id, str):
        raise DoorstepError(ErrorCode.UNAUTHENTICATED)
    try:
        user_id = UUID(token.sub)
    except ValueError:
        raise DoorstepError(ErrorCode.UNAUTHENTICATED) from None
    return TokenClaims(user_id=user_id, kind=kind, version=version, device_id=device_id)


def _expired_but_genuine(encoded: str, secret: str) -> bool:
    try:
        Token.decode_payload(encoded, secret, [ALGORITHM], options={"verify_exp": False})
    except Exception:  # any decoding failure means "not genuine"
        return False
    return True
