"""Production refuses demo data, demo passwords and default secrets."""

from __future__ import annotations

import os
import subprocess

import pytest
from pydantic import ValidationError

from backend.accounts import queries, service
from backend.accounts.passwords import hash_password
from backend.accounts.roles import Role
from backend.accounts.tables import User
from backend.demo.guard import accounts_with_demo_password, refuse_demo_passwords
from backend.errors import ConfigurationError
from backend.settings import Settings
from tests.support.server import REPO_ROOT, doorstep_command

POSTGRES = "postgresql://postgres@127.0.0.1:5432/doorstep"


@pytest.mark.usefixtures("demo")
async def test_every_account_still_on_the_demo_password_is_named() -> None:
    assert await accounts_with_demo_password() == [
        "admin", "employer1", "staff1", "staff2", "supervisor1",
    ]
    with pytest.raises(ConfigurationError, match="demo password"):
        await refuse_demo_passwords()


async def test_accounts_with_their_own_passwords_pass() -> None:
    await service.create_user("chief", "a-long-private-passphrase", "主任", Role.ADMIN)
    assert await accounts_with_demo_password() == []
    await refuse_demo_passwords()


@pytest.mark.usefixtures("demo")
async def test_a_disabled_demo_account_does_not_block_the_start() -> None:
    for name in ("admin", "employer1", "staff1", "staff2", "supervisor1"):
        found = await queries.user_by_username(name)
        assert found is not None
        if name == "staff2":
            await queries.set_active(found[0].id, False)
        else:
            await User.update({User.password_hash: hash_password("x" * 20)}).where(
                User.username == name
            )
    assert await accounts_with_demo_password() == []


@pytest.mark.parametrize(
    "secret", ["", "short", "change-me-change-me-change-me-change-me"]
)
def test_production_refuses_a_missing_short_or_default_secret(secret: str) -> None:
    with pytest.raises(ValidationError):
        Settings(mode="production", secret_key=secret, database_url=POSTGRES)


def test_production_refuses_sqlite() -> None:
    with pytest.raises(ValidationError):
        Settings(mode="production", secret_key="k" * 40, database_url="sqlite:///x.db")


@pytest.mark.skipif(
    os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres",
    reason="production mode needs PostgreSQL: runs in the PostgreSQL pass",
)
@pytest.mark.slow
def test_doorstep_serve_in_production_refuses_to_start_with_demo_passwords() -> None:
    url = os.environ["DOORSTEP_DATABASE_URL"]  # the run's PostgreSQL database
    env = {**os.environ, "DOORSTEP_DATABASE_URL": url}
    subprocess.run(doorstep_command("seed", "--demo"), cwd=REPO_ROOT, env=env, check=True,
                   capture_output=True, timeout=180)
    production = {**env, "DOORSTEP_MODE": "production", "DOORSTEP_SECRET_KEY": "p" * 48}
    started = subprocess.run(
        doorstep_command("serve", "--port", "1"), cwd=REPO_ROOT, env=production,
        capture_output=True, text=True, timeout=180,
    )
    assert started.returncode == 2
    assert "demo password" in started.stderr
    assert "staff1" in started.stderr
