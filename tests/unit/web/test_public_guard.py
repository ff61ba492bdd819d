"""The edge guard's pure parts: which root fields a document asks for, where its text is."""

from __future__ import annotations

import json

from graphql import parse

from backend.web.public_guard import query_text, root_fields, root_fields_of


def test_root_fields_are_found_through_aliases_and_fragments() -> None:
    document = parse(
        """
        mutation A { x: askQuestion(text: "a") { id } ...More }
        fragment More on Mutation { ... on Mutation { submitFeedback(input: {}) { id } } ...More }
        query B { consultation(ticket: "t") { status } }
        """
    )
    assert root_fields_of(document) == {"askQuestion", "submitFeedback", "consultation"}


def test_a_text_that_does_not_parse_or_is_too_long_has_no_fields() -> None:
    assert root_fields("mutation { askQuestion(", 1000) == frozenset()
    assert root_fields('mutation { askQuestion(text: "a") { id } }', 3) == frozenset()
    assert root_fields('mutation { askQuestion(text: "a") { id } }', 1000) == {"askQuestion"}


def test_the_text_comes_from_a_json_post_or_a_get_query_string() -> None:
    body = json.dumps({"query": "{ me { id } }", "variables": {}}).encode()
    assert query_text("POST", b"", body) == "{ me { id } }"
    assert query_text("POST", b"", b"not json") is None
    assert query_text("POST", b"", b"[1, 2]") is None
    assert query_text("POST", b"", b'{"query": 3}') is None
    assert query_text("GET", b"query=%7B+me+%7B+id+%7D+%7D", b"") == "{ me { id } }"
    assert query_text("GET", b"", b"") is None
