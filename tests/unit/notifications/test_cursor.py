from datetime import UTC, datetime
from uuid import uuid4

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.notifications.cursor import decode_cursor, encode_cursor


def test_a_cursor_round_trips_its_position() -> None:
    at, item_id = datetime(2026, 11, 27, 1, 2, 3, 456789, tzinfo=UTC), uuid4()
    assert decode_cursor(encode_cursor(at, item_id)) == (at, item_id)


@pytest.mark.parametrize("cursor", ["", "%%%", "bm90IGEgY3Vyc29y", encode_cursor.__name__])
def test_a_forged_cursor_is_a_bad_request(cursor: str) -> None:
    with pytest.raises(DoorstepError) as caught:
        decode_cursor(cursor)
    assert (caught.value.code, caught.value.field) == (ErrorCode.BAD_REQUEST, "after")
