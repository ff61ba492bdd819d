"""Password hashing with argon2id (argon2-cffi's recommended parameters)."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.settings import get_settings


@cache
def _hashing(*, low_cost: bool) -> tuple[PasswordHasher, str]:
    """The hasher, and a hash verified against when the username is unknown (so both paths
    take the same time)."""
    hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1) if low_cost \
        else PasswordHasher()
    return hasher, hasher.hash("doorstep-timing-equaliser")


def _current() -> tuple[PasswordHasher, str]:
    settings = get_settings()
    return _hashing(low_cost=settings.test_low_cost_password_hashing and settings.mode == "demo")


def hash_password(password: str) -> str:
    return _current()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hasher, dummy_hash = _current()
    try:
        verified = hasher.verify(password_hash or dummy_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    return verified and password_hash is not None
