import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backend.errors import ConfigurationError
from backend.notifications import vapid
from backend.notifications.vapid import KEY_FILE, vapid_keys
from backend.settings import Settings


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_a_key_pair_is_generated_once_and_kept_in_the_data_directory(tmp_path: Path) -> None:
    first = vapid_keys(Settings(data_dir=tmp_path))
    key_file = tmp_path / KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    # A new process (no cache) with the same data directory gets the same pair.
    vapid._keys.cache_clear()
    again = vapid_keys(Settings(data_dir=tmp_path))
    assert again == first
    point = base64.urlsafe_b64decode(first.public_key + "==")
    assert len(point) == 65
    assert point[0] == 4  # uncompressed P-256 point, as applicationServerKey expects


def test_keys_from_settings_are_used_and_the_public_key_derived(tmp_path: Path) -> None:
    private = ec.generate_private_key(ec.SECP256R1())
    raw = b64url(private.private_numbers().private_value.to_bytes(32, "big"))
    public = b64url(private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))
    keys = vapid_keys(Settings(data_dir=tmp_path, vapid_private_key=raw,
                               vapid_subject="mailto:ops@gjj.example.cn"))
    assert keys.public_key == public
    assert keys.subject == "mailto:ops@gjj.example.cn"
    assert not (tmp_path / KEY_FILE).exists()


def test_a_public_key_that_does_not_match_the_private_key_is_refused(tmp_path: Path) -> None:
    one, other = (ec.generate_private_key(ec.SECP256R1()) for _ in range(2))
    raw = b64url(one.private_numbers().private_value.to_bytes(32, "big"))
    wrong = b64url(other.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))
    with pytest.raises(ConfigurationError, match="不匹配"):
        vapid_keys(Settings(data_dir=tmp_path, vapid_private_key=raw, vapid_public_key=wrong))


def test_a_garbled_private_key_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="VAPID_PRIVATE_KEY"):
        vapid_keys(Settings(data_dir=tmp_path, vapid_private_key="bm90LWEta2V5"))


def test_the_subject_must_be_a_contact_url() -> None:
    with pytest.raises(ValueError, match="mailto"):
        Settings(vapid_subject="ops@gjj.example.cn")
