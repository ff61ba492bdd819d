"""Piccolo commands of the knowledge app (``PICCOLO_CONF=backend.db.piccolo_conf piccolo
knowledge …``): how an administrator loads the shipped articles in production."""

from __future__ import annotations

import sys

from backend.accounts import queries as account_queries
from backend.accounts.roles import Role
from backend.knowledge.seed import load_seed_articles


async def load_seed(admin: str) -> None:
    """Loads the shipped articles not yet present, published in the name of ``admin``.

    :param admin: username of an active ADMIN account
    """
    found = await account_queries.user_by_username(admin)
    user = found[0] if found else None
    if user is None or user.role != Role.ADMIN or not user.active:
        sys.exit(f"{admin} 不是有效的管理员账号 (not an active ADMIN account)")
    created = await load_seed_articles(user)
    print(f"已加载 {len(created)} 篇文章 (loaded {len(created)} articles)")
