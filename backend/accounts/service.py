"""Sign-in, tokens and user look-ups: the accounts domain's use cases."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

from backend.accounts import devices, passwords, queries, tokens
from backend.accounts.models import Principal, Session, UserRecord
from backend.accounts.roles import Role
from backend.accounts.throttle import attempt_allowed
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings


def _now() -> datetime:
    return datetime.now(UTC)


def _session(user: UserRecord, settings: Settings, device_id: str) -> Session:
    """Access and refresh token of one signed-in device (``device_id``, kept on refresh)."""
    key = settings.signing_key()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    refresh_lifetime = timedelta(days=settings.refresh_token_days)
    version = user.token_version
    return Session(
        token=tokens.issue(user.id, version, "access", lifetime, key, device_id),
        refresh_token=tokens.issue(user.id, version, "refresh", refresh_lifetime, key, device_id),
        expires_at=_now() + lifetime,
        user=user,
    )


async def log_in(username: str, password: str, address: str, settings: Settings) -> Session:
    username = username.strip()
    window_start = _now() - timedelta(seconds=settings.login_window_seconds)
    by_user, by_address = await queries.count_failures_since(username, address, window_start)
    if not attempt_allowed(by_user, by_address, settings.login_max_failures):
        raise DoorstepError(
            ErrorCode.TOO_MANY_ATTEMPTS,
            details={"retryAfterSeconds": settings.login_window_seconds},
        )
    found = await queries.user_by_username(username)
    user, password_hash = found if found else (None, None)
    if not passwords.verify_password(password_hash, password) or user is None:
        await queries.record_attempt(username, address, False, _now())
        raise DoorstepError(ErrorCode.INVALID_CREDENTIALS)
    if not user.active:
        raise DoorstepError(ErrorCode.ACCOUNT_DISABLED)
    await queries.record_attempt(username, address, True, _now())
    await queries.forget_attempts_before(_now() - timedelta(days=1))
    return _session(user, settings, tokens.new_device_id())


async def _principal(claims: tokens.TokenClaims) -> Principal:
    """The one check behind every token: user exists and is active, not signed out, and
    whether the device was revoked (the caller decides: sync lets it push once more)."""
    user = await queries.user_by_id(claims.user_id)
    if user is None:
        raise DoorstepError(ErrorCode.UNAUTHENTICATED, "登录已失效，请重新登录。")
    if not user.active:  # before the version: disabling also raises it
        raise DoorstepError(ErrorCode.ACCOUNT_DISABLED)
    if claims.version != user.token_version:
        raise DoorstepError(ErrorCode.UNAUTHENTICATED, "登录已失效，请重新登录。")
    revoked_client = await queries.revoked_device_client(claims.device_id)
    return Principal(user, claims.device_id, revoked_client)


async def principal_for_token(token: str, settings: Settings) -> Principal:
    """An access token's user and device; a revoked device is reported, not refused."""
    return await _principal(tokens.read(token, settings.signing_key(), "access"))


async def user_for_token(token: str, settings: Settings) -> UserRecord:
    """An access token's user; refuses disabled users and revoked devices (tus, /files)."""
    principal = await principal_for_token(token, settings)
    devices.refuse_revoked(principal)
    return principal.user


async def refresh_session(refresh_token: str, settings: Settings) -> Session:
    principal = await _principal(tokens.read(refresh_token, settings.signing_key(), "refresh"))
    devices.refuse_revoked(principal)
    return _session(principal.user, settings, principal.device_id)


async def log_out_everywhere(user: UserRecord) -> None:
    """Revokes every token of the user (lost tablet, logout on all devices)."""
    await queries.raise_token_version(user.id)


async def get_user(user_id: UUID) -> UserRecord | None:
    return await queries.user_by_id(user_id)


async def create_user(
    username: str,
    password: str,
    display_name: str,
    role: Role,
    *,
    team_id: UUID | None = None,
    unit_id: UUID | None = None,
    user_id: UUID | None = None,
) -> bool:
    """Creates the user unless the username exists; returns whether it was created."""
    return await queries.insert_user_if_absent(
        user_id=user_id or uuid.uuid4(),
        username=username,
        display_name=display_name,
        role=role,
        password_hash=passwords.hash_password(password),
        team_id=team_id,
        unit_id=unit_id,
        created_at=_now(),
    )
