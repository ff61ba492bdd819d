"""Integration tests run against the real database of the run, emptied before each test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from backend.accounts.roles import Role
from backend.app import create_app
from backend.demo.seed import DEMO_PASSWORD, seed_demo
from backend.settings import get_settings
from tests.support.database import empty_all_tables, empty_procrastinate_queue, migrate_once


@pytest.fixture(scope="session", autouse=True)
def _migrated() -> None:
    asyncio.run(migrate_once())


@pytest.fixture(autouse=True)
async def db() -> None:
    """Per-test isolation: every table starts empty."""
    await empty_all_tables()


@pytest.fixture
async def distributed_jobs(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """DOORSTEP_JOBS=distributed (PostgreSQL only) with procrastinate's queue emptied."""
    await empty_procrastinate_queue()
    monkeypatch.setenv("DOORSTEP_JOBS", "distributed")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
async def demo() -> None:
    await seed_demo(get_settings())


@pytest.fixture
async def client() -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(app=create_app()) as test_client:
        yield test_client


class GraphQL:
    """Posts GraphQL to the app like the PWA does."""

    def __init__(self, client: AsyncTestClient[Any]) -> None:
        self.client = client

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def login(self, username: str, password: str = DEMO_PASSWORD) -> str:
        body = await self(
            "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            {"u": username, "p": password},
        )
        assert "errors" not in body, body
        token: str = body["data"]["login"]["token"]
        return token


@pytest.fixture
def gql(client: AsyncTestClient[Any]) -> GraphQL:
    return GraphQL(client)


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


__all__ = ["GraphQL", "Role", "error_codes"]
