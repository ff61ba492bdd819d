"""The cast of the security tests: the demo team plus a second team with its own people."""

from __future__ import annotations

from uuid import UUID

from backend.accounts import service as accounts
from backend.accounts.queries import ensure_team
from backend.accounts.roles import Role
from backend.demo.seed import DEMO_PASSWORD

OTHER_TEAM_ID = UUID("00000000-0000-4000-8000-00000000a002")
STAFF3_ID = UUID("00000000-0000-4000-8000-00000000a103")
SUPERVISOR2_ID = UUID("00000000-0000-4000-8000-00000000a104")


async def add_second_team() -> None:
    """staff3 (field staff) and supervisor2 in 盘州市上门服务组, a team apart from the demo's."""
    await ensure_team(OTHER_TEAM_ID, "盘州市上门服务组")
    for user_id, username, role in (
        (STAFF3_ID, "staff3", Role.FIELD_STAFF),
        (SUPERVISOR2_ID, "supervisor2", Role.SUPERVISOR),
    ):
        await accounts.create_user(
            username, DEMO_PASSWORD, username, role, team_id=OTHER_TEAM_ID, user_id=user_id
        )
