"""Creates the demo users, team and company of the spec; safe to run again."""

from __future__ import annotations

from uuid import UUID

from backend.accounts import queries as account_queries
from backend.accounts import service as accounts
from backend.accounts.roles import Role
from backend.cases.demo import seed_demo_cases
from backend.errors import ConfigurationError
from backend.knowledge.seed import load_seed_articles
from backend.settings import Settings

DEMO_PASSWORD = "doorstep-demo"  # noqa: S105  (documented demo password, refused in production)
DEMO_TEAM_ID = UUID("00000000-0000-4000-8000-000000000001")
DEMO_UNIT_ID = UUID("00000000-0000-4000-8000-000000000002")
DEMO_UNIT_NAME = "六盘水凉都餐饮管理有限公司"
DEMO_UNIT_USCC = "91520201027915438B"

DEMO_USERS: list[tuple[str, str, Role]] = [
    ("staff1", "王芳", Role.FIELD_STAFF),
    ("staff2", "李强", Role.FIELD_STAFF),
    ("supervisor1", "张主管", Role.SUPERVISOR),
    ("employer1", "陈经办", Role.EMPLOYER),
    ("admin", "系统管理员", Role.ADMIN),
]


def demo_user_id(username: str) -> UUID:
    index = [name for name, _, _ in DEMO_USERS].index(username)
    return UUID(f"00000000-0000-4000-8000-0000000001{index:02d}")


async def seed_demo(settings: Settings) -> list[str]:
    """Returns the usernames it created (empty when everything was already there)."""
    if settings.mode == "production":
        raise ConfigurationError(
            "生产模式不允许创建演示数据（demo data is refused in production mode）"
        )
    await account_queries.ensure_team(DEMO_TEAM_ID, "钟山区上门服务组")
    await account_queries.ensure_unit(DEMO_UNIT_ID, DEMO_UNIT_NAME, DEMO_UNIT_USCC)
    created = []
    for username, display_name, role in DEMO_USERS:
        made = await accounts.create_user(
            username,
            DEMO_PASSWORD,
            display_name,
            role,
            user_id=demo_user_id(username),
            team_id=DEMO_TEAM_ID if role in (Role.FIELD_STAFF, Role.SUPERVISOR) else None,
            unit_id=DEMO_UNIT_ID if role == Role.EMPLOYER else None,
        )
        if made:
            created.append(username)
    await _seed_cases()
    await _seed_knowledge_base()
    return created


async def seed_registry_demo(settings: Settings) -> int:
    """The shared-data demo cases (``doorstep serve --demo`` and ``seed --demo``; not part
    of :func:`seed_demo`, whose cases other tests count)."""
    from backend.demo.registry_cases import seed_registry_demo_cases

    return await seed_registry_demo_cases(settings, demo_user_id("staff1"))


async def _seed_knowledge_base() -> None:
    """The knowledge-base articles, published by the demo admin (skips those present)."""
    admin = await accounts.get_user(demo_user_id("admin"))
    if admin is not None:
        await load_seed_articles(admin)


async def _seed_cases() -> None:
    """A few members' cases assigned to staff1 (fixed ids: seeding again adds nothing)."""
    staff = await accounts.get_user(demo_user_id("staff1"))
    if staff is not None:
        await seed_demo_cases(staff)
