import base64
import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backend.errors import DoorstepError, ErrorCode
from backend.notifications.subscription_rules import check_endpoint, check_keys


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def browser_keys() -> tuple[str, str]:
    point = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(point), b64url(os.urandom(16))


def refusal(endpoint: str, production: bool) -> str:
    with pytest.raises(DoorstepError) as caught:
        check_endpoint(endpoint, production=production)
    assert caught.value.code is ErrorCode.PUSH_ENDPOINT_INVALID
    reason: str = caught.value.details["reason"]
    return reason


def test_production_accepts_a_push_service_over_https() -> None:
    endpoint = "https://fcm.googleapis.com/fcm/send/abc:def"
    assert check_endpoint(endpoint, production=True) == endpoint


@pytest.mark.parametrize(
    "endpoint", ["http://127.0.0.1:8080/push/1", "http://localhost:9000/p", "http://push.example/x"]
)
def test_production_refuses_plain_http(endpoint: str) -> None:
    assert refusal(endpoint, production=True) == "https_required"


@pytest.mark.parametrize(
    "endpoint", ["https://127.0.0.1/p", "https://10.0.0.5/p", "https://localhost/p",
                 "https://[::1]/p", "https://169.254.169.254/latest"]
)
def test_production_refuses_internal_hosts_even_over_https(endpoint: str) -> None:
    assert refusal(endpoint, production=True) == "internal_host"


@pytest.mark.parametrize(
    "endpoint", ["http://127.0.0.1:8080/push/1", "http://localhost:9000/p", "http://[::1]:7/p"]
)
def test_demo_mode_accepts_a_local_push_service(endpoint: str) -> None:
    assert check_endpoint(endpoint, production=False) == endpoint


def test_demo_mode_still_refuses_http_to_other_hosts() -> None:
    assert refusal("http://push.example/x", production=False) == "https_required"


@pytest.mark.parametrize(
    "endpoint", ["", "not a url", "https://", "https://user:pw@push.example/x",
                 "https://push.example:99999/x", "ftp://push.example/x"]
)
def test_malformed_endpoints_are_refused(endpoint: str) -> None:
    assert refusal(endpoint, production=False) in {"malformed", "https_required"}


def test_an_overlong_endpoint_is_refused() -> None:
    assert refusal("https://push.example/" + "a" * 3000, production=False) == "too_long"


def test_keys_a_browser_sends_are_accepted() -> None:
    check_keys(*browser_keys())


def test_a_p256dh_that_is_not_a_curve_point_is_refused() -> None:
    _, auth = browser_keys()
    with pytest.raises(DoorstepError) as caught:
        check_keys(b64url(b"\x04" + b"\x01" * 64), auth)
    assert (caught.value.code, caught.value.field) == (ErrorCode.PUSH_KEYS_INVALID, "p256dh")


def test_an_auth_secret_of_the_wrong_length_is_refused() -> None:
    p256dh, _ = browser_keys()
    for auth in ("", "not base64 !!", b64url(os.urandom(8))):
        with pytest.raises(DoorstepError) as caught:
            check_keys(p256dh, auth)
        assert caught.value.field == "auth"
