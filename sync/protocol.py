"""Protocol version and message shapes of push and pull (see PROTOCOL.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from backend.errors import DoorstepError, ErrorCode
from sync.changelog.snapshot import Change

PROTOCOL_VERSION = 1
# The oldest client protocol the server still speaks. Rollout rule: deploy the server
# first, then clients; raise this only after the older clients have been updated.
MIN_PROTOCOL_VERSION = 1
VERSION_HISTORY = {
    1: "push/pull of spec section 3: createCase, updateCase, attachDocument, submitCase",
}
MAX_MUTATIONS_PER_PUSH = 500
MAX_CLIENT_ID_LENGTH = 64


class MutationStatus(StrEnum):
    APPLIED = "applied"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class Mutation:
    id: int
    name: str
    args: Any


@dataclass(frozen=True, slots=True)
class MutationOutcome:
    id: int
    status: MutationStatus
    error: DoorstepError | None = None


@dataclass(frozen=True, slots=True)
class PushOutcome:
    last_mutation_id: int
    results: list[MutationOutcome]


@dataclass(frozen=True, slots=True)
class PullPage:
    cursor: str
    last_mutation_id: int
    reset: bool
    changes: list[Change]


def check_protocol_version(version: int) -> None:
    if version < MIN_PROTOCOL_VERSION:
        raise DoorstepError(
            ErrorCode.PROTOCOL_OUTDATED,
            details={"protocolVersion": version, "minimum": MIN_PROTOCOL_VERSION},
        )
    if version > PROTOCOL_VERSION:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST,
            f"服务器尚不支持同步协议 {version}（当前 {PROTOCOL_VERSION}）",
            details={"protocolVersion": version, "current": PROTOCOL_VERSION},
        )


def check_client_id(client_id: str) -> None:
    if not client_id or len(client_id) > MAX_CLIENT_ID_LENGTH:
        raise DoorstepError(ErrorCode.BAD_REQUEST, "clientId 无效", field="clientId")
