"""Reading back rejected mutations: why a device's queued work did not reach the server.

Push stores each rejection (``sync_rejection``); here the people who must act on it read
them, newest first: every user the rejections of their own devices (client ids), a
supervisor also those of their team's devices, an administrator everyone's. The mutation's
arguments are not returned (they may carry ID numbers); the case it was about is.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DEFAULT_MESSAGES, DoorstepError, ErrorCode
from sync.changelog.piccolo_storage import get_storage
from sync.changelog.storage import StoredRejection
from sync.protocol import check_client_id

PAGE_DEFAULT = 20
PAGE_MAX = 100
_CURSOR_PREFIX = "r1|"

# What the device was trying to do, as the user would say it.
MUTATOR_LABELS: dict[str, str] = {
    "createCase": "新建案件",
    "updateCase": "修改案件",
    "attachDocument": "添加材料",
    "submitCase": "提交案件",
    "offerEmployerLink": "生成单位扫码链接",
    "submitFeedback": "提交反馈",
    "logConsultation": "登记咨询",
}
# Mutators whose ``id`` argument is the case; the others name it ``caseId``.
_CASE_ID_IS_ID = frozenset({"createCase", "updateCase", "submitCase"})


@dataclass(frozen=True, slots=True)
class RejectionItem:
    position: int
    client_id: str
    mutation_id: int
    mutator: str
    action: str
    case_id: str | None
    code: str
    message: str
    field: str | None
    at: datetime
    user: UserRecord


@dataclass(frozen=True, slots=True)
class RejectionPage:
    items: list[RejectionItem]
    end_cursor: str | None
    has_next_page: bool


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith(_CURSOR_PREFIX):
            raise ValueError(raw)
        position = int(raw.removeprefix(_CURSOR_PREFIX))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise DoorstepError(ErrorCode.BAD_REQUEST, "分页游标无效", field="after") from None
    if position < 0:
        raise DoorstepError(ErrorCode.BAD_REQUEST, "分页游标无效", field="after")
    return position


def case_id_of(mutator: str, args: object) -> str | None:
    if not isinstance(args, dict):
        return None
    value = args.get("id" if mutator in _CASE_ID_IS_ID else "caseId")
    return value if isinstance(value, str) else None


def message_of(code: str, message: str) -> str:
    """The stored Chinese message; the catalogue's when none was stored."""
    if message.strip():
        return message
    try:
        return DEFAULT_MESSAGES[ErrorCode(code)]
    except (ValueError, KeyError):
        return DEFAULT_MESSAGES[ErrorCode.INTERNAL_ERROR]


async def _visible_users(viewer: UserRecord) -> list[UUID] | None:
    """Whose devices the viewer may look at (None: everyone's)."""
    if viewer.role is Role.ADMIN:
        return None
    if viewer.role is Role.SUPERVISOR and viewer.team_id is not None:
        members = await accounts.team_members(viewer.team_id)
        return list({viewer.id, *(member.id for member in members)})
    return [viewer.id]


async def list_rejections(
    viewer: UserRecord, client_id: str | None, first: int | None, after: str | None
) -> RejectionPage:
    limit = PAGE_DEFAULT if first is None else first
    if not 1 <= limit <= PAGE_MAX:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST, f"每页条数须在 1 到 {PAGE_MAX} 之间", field="first"
        )
    before = decode_cursor(after) if after else None
    storage = get_storage()
    visible = await _visible_users(viewer)
    if client_id is not None:
        check_client_id(client_id)
        client = await storage.client(client_id)
        if client is None or (visible is not None and client.user_id not in visible):
            # Someone else's device looks the same as no device at all.
            raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该设备", field="clientId")
    rows = await storage.rejections_page(visible, client_id, before, limit + 1)
    users = {u.id: u for u in await accounts.users_by_ids(list({r.user_id for r in rows}))}
    items = [_item(row, users[row.user_id]) for row in rows[:limit] if row.user_id in users]
    end_cursor = encode_cursor(rows[: limit][-1].position) if rows[:limit] else None
    return RejectionPage(items, end_cursor, has_next_page=len(rows) > limit)


def _item(row: StoredRejection, user: UserRecord) -> RejectionItem:
    rejection = row.rejection
    return RejectionItem(
        position=row.position,
        client_id=rejection.client_id,
        mutation_id=rejection.mutation_id,
        mutator=rejection.name,
        action=MUTATOR_LABELS.get(rejection.name, rejection.name),
        case_id=case_id_of(rejection.name, rejection.args),
        code=rejection.code,
        message=message_of(rejection.code, rejection.message),
        field=rejection.field,
        at=rejection.at,
        user=user,
    )
