"""Hostile queries: depth, aliases, size and page sizes are bounded."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLObjectType, get_named_type

from backend.accounts.context import Context
from backend.graphql.schema import build_schema, schema
from backend.settings import get_settings
from tests.integration.conftest import GraphQL, error_codes

pytestmark = pytest.mark.usefixtures("demo")

MAX_ITEMS_PER_PAGE = 100


async def test_a_query_deeper_than_the_limit_is_too_complex(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The schema has no cycles, so real queries stay shallow (3 levels at most, below the
    # lowest limit settings accept): prove the installed limiter with a schema built under
    # a limit of 2. Introspection fields are not counted by design; the token limit bounds
    # those.
    shallow_settings = get_settings().model_copy(update={"graphql_max_depth": 2})
    monkeypatch.setattr("backend.graphql.schema.get_settings", lambda: shallow_settings)
    shallow = build_schema()
    context = Context(settings=get_settings())
    deep = '{ case(id: "x") { assignee { id } documents { checks { code } } } }'
    result = await shallow.execute(deep, context_value=context)
    assert [e.extensions["code"] for e in result.errors or []] == ["QUERY_TOO_COMPLEX"]
    ok = await shallow.execute('{ case(id: "x") { id } }', context_value=context)
    assert [e.extensions["code"] for e in ok.errors or []] == ["UNAUTHENTICATED"]


async def test_too_many_aliases_are_too_complex(gql: GraphQL) -> None:
    count = get_settings().graphql_max_aliases + 1
    query = "{ " + " ".join(f"m{n}: me {{ id }}" for n in range(count)) + " }"
    body = await gql(query, token=await gql.login("staff1"))
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_a_query_with_too_many_tokens_is_refused(gql: GraphQL) -> None:
    fields = " ".join("id" for _ in range(get_settings().graphql_max_tokens))
    body = await gql(f"{{ me {{ {fields} }} }}", token=await gql.login("staff1"))
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_a_body_above_the_graphql_limit_is_refused_up_front(gql: GraphQL) -> None:
    padding = "x" * (get_settings().graphql_max_body_bytes + 1)
    response = await gql.client.post(
        "/graphql", json={"query": "{ me { id } }", "variables": {"pad": padding}}
    )
    assert response.status_code == 413


def _paginated_fields() -> list[str]:
    root = schema._schema.type_map["Query"]
    assert isinstance(root, GraphQLObjectType)
    return sorted(name for name, field in root.fields.items() if "first" in field.args)


def _selection(name: str) -> str:
    root = schema._schema.type_map["Query"]
    assert isinstance(root, GraphQLObjectType)
    returned = get_named_type(root.fields[name].type)
    assert isinstance(returned, GraphQLObjectType)
    if "edges" in returned.fields:
        return "{ edges { __typename } }"
    return "{ __typename }"


def _count(data: Any) -> int:
    if isinstance(data, list):
        return len(data)
    edges = data["edges"]
    assert isinstance(edges, list)
    return len(edges)


async def test_every_first_argument_is_capped(gql: GraphQL) -> None:
    """Each query with ``first`` (found in the schema) refuses or caps a huge page."""
    token = await gql.login("admin")
    fields = _paginated_fields()
    assert {"cases", "inbox", "knowledgeSearch"} <= set(fields)
    for name in fields:
        root = schema._schema.type_map["Query"]
        assert isinstance(root, GraphQLObjectType)
        extra = ', query: "公积金"' if "query" in root.fields[name].args else ""
        for first in (1_000_000, -5):
            body = await gql(f"{{ {name}(first: {first}{extra}) {_selection(name)} }}",
                             token=token)
            if "errors" in body:
                assert set(error_codes(body)) <= {"VALIDATION_FAILED", "BAD_REQUEST"}, body
            else:
                assert _count(body["data"][name]) <= MAX_ITEMS_PER_PAGE, name
