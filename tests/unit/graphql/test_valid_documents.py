"""The memo of valid document texts: bounded, most recently used kept; and the schema
skips validating only what it found valid itself."""

from __future__ import annotations

from backend.graphql.extensions import ValidDocuments
from backend.graphql.schema import build_schema


def test_the_oldest_unused_text_is_forgotten_first() -> None:
    valid = ValidDocuments(size=2)
    valid.add("a")
    valid.add("b")
    assert "a" in valid  # used again: now the newest
    valid.add("c")
    assert "a" in valid
    assert "b" not in valid
    assert "c" in valid


async def test_an_invalid_text_is_validated_every_time_and_a_valid_one_stays_valid() -> None:
    schema = build_schema()
    wrong = "{ vapidPublicKey { nothing } }"
    for _ in range(2):
        result = await schema.execute(wrong)
        assert result.data is None
        assert result.errors
        assert "must not have a selection" in result.errors[0].message
    for _ in range(2):
        result = await schema.execute("{ __typename }")
        assert result.errors is None
        assert result.data == {"__typename": "Query"}
