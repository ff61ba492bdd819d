"""Each operation text is parsed and validated once per schema; refused ones every time."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import ValidationRule
from strawberry.extensions import AddValidationRules, QueryDepthLimiter

from backend.graphql.extensions import CachedDocuments, KnownDocuments


@strawberry.type
class Node:
    name: str

    @strawberry.field
    def child(self) -> Node:
        return Node(name=f"{self.name}+")


@strawberry.type
class Query:
    @strawberry.field
    def root(self) -> Node:
        return Node(name="root")


validations: list[str] = []


class CountedRule(ValidationRule):
    """Counts how often the schema validates a document."""

    def enter_document(self, *_: Any) -> None:
        validations.append("validated")


def _schema(known: KnownDocuments) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        extensions=[
            lambda: QueryDepthLimiter(max_depth=2),
            lambda: AddValidationRules([CountedRule]),
            lambda: CachedDocuments(known),
        ],
    )


SHALLOW = "{ root { child { name } } }"
TOO_DEEP = "{ root { child { child { child { name } } } } }"


def test_a_known_operation_is_neither_parsed_nor_validated_again() -> None:
    known = KnownDocuments()
    schema = _schema(known)
    validations.clear()
    first = schema.execute_sync(SHALLOW)
    document = known.parsed(SHALLOW)
    second = schema.execute_sync(SHALLOW)
    assert first.errors is None
    assert second.errors is None
    assert first.data == second.data == {"root": {"child": {"name": "root+"}}}
    assert validations == ["validated"]
    assert document is not None
    assert known.parsed(SHALLOW) is document


def test_a_refused_operation_is_refused_every_time() -> None:
    known = KnownDocuments()
    schema = _schema(known)
    validations.clear()
    for _ in range(2):
        result = schema.execute_sync(TOO_DEEP)
        assert result.data is None
        assert result.errors
        assert "exceeds maximum operation depth" in result.errors[0].message
    assert validations == ["validated", "validated"]
    assert not known.is_valid(TOO_DEEP)


def test_a_text_that_does_not_parse_is_not_kept() -> None:
    known = KnownDocuments()
    result = _schema(known).execute_sync("{ root { ")
    assert result.errors
    assert known.parsed("{ root { ") is None


def test_each_schema_keeps_its_own_documents() -> None:
    """A schema with other limits (tests build one) never trusts another's validation."""
    lenient, strict = KnownDocuments(), KnownDocuments()
    lenient_schema = strawberry.Schema(query=Query, extensions=[lambda: CachedDocuments(lenient)])
    assert lenient_schema.execute_sync(TOO_DEEP).errors is None
    assert _schema(strict).execute_sync(TOO_DEEP).errors


def test_the_oldest_operation_is_forgotten_beyond_capacity() -> None:
    known = KnownDocuments(capacity=2)
    schema = _schema(known)
    texts = ["{ root { name } }", "{ root { child { name } } }", "{ root { name child { name } } }"]
    for text in texts:
        assert schema.execute_sync(text).errors is None
    assert known.parsed(texts[0]) is None
    assert not known.is_valid(texts[0])
    assert all(known.is_valid(text) for text in texts[1:])


def test_the_edge_guard_parses_through_the_same_cache_the_schema_executes_from() -> None:
    known = KnownDocuments()
    text = "query { root { name } }"
    document = known.parse(text, max_tokens=1000)
    assert document is not None
    assert known.parsed(text) is document
    assert known.parse(text, max_tokens=1000) is document
    assert not known.is_valid(text)  # parsed at the edge is not validated
    assert known.parse("query { root(", max_tokens=1000) is None
    assert known.parse("query { root { name } } ", max_tokens=3) is None
