"""Cursors round-trip, and anything else is recognised as not a cursor."""

from __future__ import annotations

import pytest

from sync.cursor import LogCursor, SnapshotCursor, decode_cursor, encode_cursor


@pytest.mark.parametrize(
    "cursor",
    [
        LogCursor("ab12", "-:-:0", 0),
        LogCursor("ab12", "t:-:0", 123456789),
        SnapshotCursor("ab12", "-:u:0", 42, "case", ""),
        SnapshotCursor("ab12", "-:-:1", 42, "case", "00000000-0000-4000-8000-000000000201"),
    ],
)
def test_a_cursor_round_trips(cursor: LogCursor | SnapshotCursor) -> None:
    text = encode_cursor(cursor)
    assert "|" not in text  # opaque to clients
    assert decode_cursor(text) == cursor


@pytest.mark.parametrize(
    "text", ["", "garbage", "!!!", encode_cursor(LogCursor("e", "s", 1))[:-3], "YzJ8THxlfHN8MQ"]
)
def test_anything_else_is_not_a_cursor(text: str) -> None:
    assert decode_cursor(text) is None


def test_a_negative_sequence_is_not_a_cursor() -> None:
    import base64

    forged = base64.urlsafe_b64encode(b"c1|L|e|s|-5").decode()
    assert decode_cursor(forged) is None
