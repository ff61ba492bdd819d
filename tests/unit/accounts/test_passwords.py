from collections.abc import Iterator

import pytest

from backend.accounts.passwords import hash_password, verify_password
from backend.settings import get_settings


@pytest.fixture
def settings_from_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def test_a_password_verifies_and_nothing_else_does() -> None:
    stored = hash_password("正确的密码 1")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "正确的密码 1")
    assert not verify_password(stored, "正确的密码 2")
    assert not verify_password(None, "正确的密码 1")  # unknown user: same work, never true
    assert not verify_password("not a hash", "正确的密码 1")


def test_production_always_hashes_at_full_cost(settings_from_env: pytest.MonkeyPatch) -> None:
    settings_from_env.setenv("DOORSTEP_TEST_LOW_COST_PASSWORD_HASHING", "true")
    settings_from_env.setenv("DOORSTEP_MODE", "production")
    settings_from_env.setenv("DOORSTEP_SECRET_KEY", "k" * 40)
    settings_from_env.setenv("DOORSTEP_DATABASE_URL", "postgresql://x/y")
    assert "$m=65536,t=3,p=4$" in hash_password("secret")


def test_the_test_suites_low_cost_is_still_argon2id(settings_from_env: pytest.MonkeyPatch) -> None:
    settings_from_env.setenv("DOORSTEP_TEST_LOW_COST_PASSWORD_HASHING", "true")
    settings_from_env.setenv("DOORSTEP_MODE", "demo")
    stored = hash_password("secret")
    assert stored.startswith("$argon2id$v=19$m=64,t=1,p=1$")
    assert verify_password(stored, "secret")
