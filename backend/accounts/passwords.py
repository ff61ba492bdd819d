"""Password hashing with argon2id (argon2-cffi's recommended parameters)."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.settings import get_settings


def _hasher() -> PasswordHasher:
    settings = get_settings()
    return _hasher_of(low_cost=settings.test_low_cost_password_hashing and settings.mode == "demo")


@cache
def _hasher_of(*, low_cost: bool) -> PasswordHasher:
    if low_cost:
        return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    return PasswordHasher()


def _dummy_hash() -> str:
    """Verified against when the username is unknown, so both paths take the same time."""
    return _dummy_hash_of(_hasher())


@cache
def _dummy_hash_of(hasher: PasswordHasher) -> str:
    return hasher.hash("doorstep-timing-equaliser")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        verified = _hasher().verify(password_hash or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return verified and password_hash is not None
