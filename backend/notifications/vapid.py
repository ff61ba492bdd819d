"""The server's VAPID key pair (RFC 8292): from settings, or generated once into data_dir.

Browsers bind each subscription to the public key they were given, so the pair must stay
the same across restarts and across the app and worker processes: it is created with an
atomic link, and whoever loses the race reads the winner's key.
"""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

from backend.errors import ConfigurationError
from backend.settings import Settings, get_settings

KEY_FILE = "vapid_private_key"


@dataclass(frozen=True, slots=True)
class VapidKeys:
    private_key: str  # base64url: raw 32-byte scalar, or DER
    public_key: str  # base64url uncompressed point: the PWA's applicationServerKey
    subject: str  # mailto: or https: contact for the push services

    def signer(self) -> Vapid:
        return Vapid.from_string(private_key=self.private_key)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _public_of(private_key: str) -> str:
    try:
        vapid = Vapid.from_string(private_key=private_key)
    except Exception as error:  # py_vapid raises several kinds for a bad key
        raise ConfigurationError(f"DOORSTEP_VAPID_PRIVATE_KEY 无效：{error}") from None
    point = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(point)


def _new_private_key() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    return _b64url(key.private_numbers().private_value.to_bytes(32, "big"))


def _stored_private_key(data_dir: Path) -> str:
    key_file = data_dir / KEY_FILE
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary = data_dir / f".{KEY_FILE}.{os.getpid()}"
        temporary.write_text(_new_private_key())
        temporary.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another process was first: use theirs
            os.link(temporary, key_file)
        temporary.unlink()
    return key_file.read_text().strip()


@lru_cache(maxsize=4)
def _keys(private_key: str, public_key: str, subject: str, data_dir: Path) -> VapidKeys:
    if public_key and not private_key:
        raise ConfigurationError(
            "设置了 DOORSTEP_VAPID_PUBLIC_KEY 却没有 DOORSTEP_VAPID_PRIVATE_KEY"
        )
    private = private_key or _stored_private_key(data_dir)
    derived = _public_of(private)
    if public_key and public_key.rstrip("=") != derived:
        raise ConfigurationError("DOORSTEP_VAPID_PUBLIC_KEY 与 DOORSTEP_VAPID_PRIVATE_KEY 不匹配")
    return VapidKeys(private_key=private, public_key=derived, subject=subject)


def vapid_keys(settings: Settings) -> VapidKeys:
    return _keys(
        settings.vapid_private_key, settings.vapid_public_key, settings.vapid_subject,
        settings.data_dir,
    )


async def ensure_keys() -> None:
    """At start-up: create the key pair on first start, and fail early on a bad setting."""
    vapid_keys(get_settings())
