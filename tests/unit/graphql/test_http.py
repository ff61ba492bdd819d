"""Which media type a GraphQL answer takes from the client's Accept header."""

from __future__ import annotations

import pytest

from backend.graphql.http import GRAPHQL_RESPONSE, JSON, preferred_media_type


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/json", JSON),
        ("application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json, application/json", GRAPHQL_RESPONSE),
        ("application/json, application/graphql-response+json", JSON),
        ("application/json;q=0.9, application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json;q=0.5, application/json", JSON),
        ("application/graphql-response+json;charset=utf-8", GRAPHQL_RESPONSE),
        ("application/graphql-response+json;q=0, */*", JSON),
        ("text/html", JSON),
    ],
)
def test_preferred_media_type(accept: str | None, expected: str) -> None:
    assert preferred_media_type(accept) == expected
