"""Production refuses to run while any account still has the published demo password."""

from __future__ import annotations

import asyncio

from backend.accounts import passwords, queries
from backend.demo.seed import DEMO_PASSWORD
from backend.errors import ConfigurationError


async def accounts_with_demo_password() -> list[str]:
    hashes = await queries.password_hashes()
    # argon2 is deliberately slow: verify in threads, not on the event loop.
    checks = [
        asyncio.to_thread(passwords.verify_password, password_hash, DEMO_PASSWORD)
        for _, password_hash in hashes
    ]
    found = await asyncio.gather(*checks)
    return sorted(username for (username, _), demo in zip(hashes, found, strict=True) if demo)


async def refuse_demo_passwords() -> None:
    users = await accounts_with_demo_password()
    if users:
        raise ConfigurationError(
            "生产模式拒绝启动：以下账号仍在使用演示密码，请先修改或停用 "
            f"(refusing to start in production: accounts still using the demo password): "
            f"{', '.join(users)}"
        )
