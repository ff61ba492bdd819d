"""Helpers for the knowledge-base tests: write and publish articles through GraphQL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.conftest import GraphQL

ARTICLE_FIELDS = """id version status title body category tags policyRefs effectiveDate
  changeNote publishedVersion versions { version status title }"""

CREATE = (
    f"""mutation($input: ArticleInput!) {{ createArticle(input: $input) {{ {ARTICLE_FIELDS} }} }}"""
)
UPDATE = f"""mutation($id: ID!, $input: ArticleInput!) {{
  updateArticle(id: $id, input: $input) {{ {ARTICLE_FIELDS} }} }}"""
PUBLISH = f"""mutation($id: ID!) {{ publishArticle(id: $id) {{ {ARTICLE_FIELDS} }} }}"""
READ = f"""query($id: ID!, $version: Int) {{
  article(id: $id, version: $version) {{ {ARTICLE_FIELDS} }} }}"""
SEARCH = """query($q: String!, $first: Int) {
  knowledgeSearch(query: $q, first: $first) {
    id title snippet version effectiveDate category score }
}"""


def article_input(title: str, body: str, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": title,
        "body": body,
        "category": "其他",
        "effectiveDate": "2026-03-01",
        "tags": [],
        "policyRefs": ["测试依据"],
    }
    values.update(changes)
    return values


class Editor:
    """An admin session that writes articles."""

    def __init__(self, gql: GraphQL, token: str) -> None:
        self.gql = gql
        self.token = token

    async def run(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        body = await self.gql(query, variables, token=self.token)
        assert "errors" not in body, body
        data: dict[str, Any] = next(iter(body["data"].values()))
        return data

    async def create(self, title: str, body: str, **changes: Any) -> dict[str, Any]:
        return await self.run(CREATE, {"input": article_input(title, body, **changes)})

    async def update(
        self, article_id: str, title: str, body: str, **changes: Any
    ) -> dict[str, Any]:
        variables = {"id": article_id, "input": article_input(title, body, **changes)}
        return await self.run(UPDATE, variables)

    async def publish(self, article_id: str) -> dict[str, Any]:
        return await self.run(PUBLISH, {"id": article_id})

    async def published(self, title: str, body: str, **changes: Any) -> dict[str, Any]:
        created = await self.create(title, body, **changes)
        return await self.publish(created["id"])


@pytest.fixture
async def editor(demo: None, gql: GraphQL) -> Editor:
    return Editor(gql, await gql.login("admin"))


async def search(gql: GraphQL, token: str, query: str, first: int = 10) -> list[dict[str, Any]]:
    body = await gql(SEARCH, {"q": query, "first": first}, token=token)
    assert "errors" not in body, body
    hits: list[dict[str, Any]] = body["data"]["knowledgeSearch"]
    return hits
