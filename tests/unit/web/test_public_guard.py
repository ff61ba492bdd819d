"""The edge guard's pure parts: which root fields a document asks for, where its text is,
and how long a refusal of a flooding address is held."""

from __future__ import annotations

import json

import pytest
from graphql import parse

from backend.web.public_guard import LONGEST_HOLD, RefusalPace, query_text, root_fields_of


def test_root_fields_are_found_through_aliases_and_fragments() -> None:
    document = parse(
        """
        mutation A { x: askQuestion(text: "a") { id } ...More }
        fragment More on Mutation { ... on Mutation { submitFeedback(input: {}) { id } } ...More }
        query B { consultation(ticket: "t") { status } }
        """
    )
    assert root_fields_of(document) == {"askQuestion", "submitFeedback", "consultation"}


def test_refusals_of_one_address_leave_one_per_interval_and_others_are_not_held() -> None:
    pace = RefusalPace(per_second=10, burst=1)
    holds = [pace.hold("10.0.0.1", 100.0) for _ in range(4)]
    assert holds == pytest.approx([0.0, 0.1, 0.2, 0.3])
    assert pace.hold("10.0.0.2", 100.0) == 0.0
    # Once its turn has passed, the address starts afresh.
    assert pace.hold("10.0.0.1", 200.0) == 0.0


def test_a_burst_of_refusals_is_answered_at_once_then_paced() -> None:
    pace = RefusalPace(per_second=10, burst=3)
    holds = [pace.hold("10.0.0.1", 0.0) for _ in range(5)]
    assert holds == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2])


def test_a_refusal_is_never_held_longer_than_the_longest_hold() -> None:
    pace = RefusalPace(per_second=10, burst=1)
    holds = [pace.hold("10.0.0.1", 0.0) for _ in range(100)]
    assert max(holds) <= LONGEST_HOLD
    assert holds.count(0.0) > 1  # beyond the longest hold: answered at once


def test_the_text_comes_from_a_json_post_or_a_get_query_string() -> None:
    body = json.dumps({"query": "{ me { id } }", "variables": {}}).encode()
    assert query_text("POST", b"", body) == "{ me { id } }"
    assert query_text("POST", b"", b"not json") is None
    assert query_text("POST", b"", b"[1, 2]") is None
    assert query_text("POST", b"", b'{"query": 3}') is None
    assert query_text("GET", b"query=%7B+me+%7B+id+%7D+%7D", b"") == "{ me { id } }"
    assert query_text("GET", b"", b"") is None
