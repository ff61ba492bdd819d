"""Pure rules for a browser's push subscription: where we may POST, and valid keys.

The endpoint is a URL the server will call, so it is checked like any outgoing URL:
production accepts only https to a public host; demo mode also accepts plain http on
loopback so that tests and local development can run their own push service.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec

from backend.errors import DoorstepError, ErrorCode

ENDPOINT_MAX_LENGTH = 2048
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def _endpoint_error(reason: str) -> DoorstepError:
    return DoorstepError(
        ErrorCode.PUSH_ENDPOINT_INVALID, field="endpoint", details={"reason": reason}
    )


def _is_internal(host: str) -> bool:
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a host name; push services are named hosts
    return not address.is_global


def check_endpoint(endpoint: str, *, production: bool) -> str:
    """Returns the endpoint unchanged, or raises PUSH_ENDPOINT_INVALID with a reason."""
    if len(endpoint) > ENDPOINT_MAX_LENGTH:
        raise _endpoint_error("too_long")
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
        _ = parts.port  # raises on a malformed port
    except ValueError:
        raise _endpoint_error("malformed") from None
    if not host or parts.username or parts.password:
        raise _endpoint_error("malformed")
    if parts.scheme == "https":
        if production and _is_internal(host):
            raise _endpoint_error("internal_host")
        return endpoint
    if parts.scheme == "http" and not production and host in LOOPBACK_NAMES:
        return endpoint
    raise _endpoint_error("https_required")


def _b64url(value: str) -> bytes:
    value = value.strip()
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return b""


def check_keys(p256dh: str, auth: str) -> None:
    """The browser's P-256 public key (65-byte point) and 16-byte auth secret, base64url."""
    point, secret = _b64url(p256dh), _b64url(auth)
    if len(secret) != 16:
        raise DoorstepError(ErrorCode.PUSH_KEYS_INVALID, field="auth")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        raise DoorstepError(ErrorCode.PUSH_KEYS_INVALID, field="p256dh") from None
    if len(point) != 65:  # compressed points are valid keys but not what browsers send
        raise DoorstepError(ErrorCode.PUSH_KEYS_INVALID, field="p256dh")
