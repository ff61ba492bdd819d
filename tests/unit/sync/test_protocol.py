"""Protocol version rules and mutator argument parsing."""

from __future__ import annotations

import pytest

from backend.errors import DoorstepError, ErrorCode
from sync.mutators import MUTATORS
from sync.mutators.args import as_object, only, optional_int, sha256_arg, uuid_arg
from sync.protocol import MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, check_protocol_version


def test_the_current_version_is_accepted() -> None:
    check_protocol_version(PROTOCOL_VERSION)


def test_an_older_version_is_protocol_outdated() -> None:
    with pytest.raises(DoorstepError) as caught:
        check_protocol_version(MIN_PROTOCOL_VERSION - 1)
    assert caught.value.code == ErrorCode.PROTOCOL_OUTDATED


def test_a_newer_version_than_the_server_is_a_bad_request() -> None:
    with pytest.raises(DoorstepError) as caught:
        check_protocol_version(PROTOCOL_VERSION + 1)
    assert caught.value.code == ErrorCode.BAD_REQUEST


def test_the_spec_mutators_exist() -> None:
    assert {"createCase", "updateCase", "attachDocument", "submitCase"} <= set(MUTATORS)


def test_arguments_are_read_strictly() -> None:
    with pytest.raises(DoorstepError):
        as_object(["not", "an", "object"])
    with pytest.raises(DoorstepError) as caught:
        only({"id": "x", "extra": 1}, "id")
    assert caught.value.code == ErrorCode.UNKNOWN_FIELD
    assert caught.value.field == "extra"
    with pytest.raises(DoorstepError):
        uuid_arg({"id": 42}, "id")
    assert str(uuid_arg({"id": "00000000-0000-4000-8000-000000000201"}, "id")).endswith("201")
    assert sha256_arg({"sha256": "A" * 64}) == "a" * 64
    with pytest.raises(DoorstepError):
        optional_int({"baseVersion": True}, "baseVersion")
    assert optional_int({}, "baseVersion") is None
