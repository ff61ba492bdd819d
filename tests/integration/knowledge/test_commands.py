from __future__ import annotations

import pytest

from backend.knowledge import queries
from backend.knowledge.commands import load_seed
from backend.knowledge.seed import seed_articles

pytestmark = pytest.mark.usefixtures("demo")


async def test_load_seed_command_loads_missing_articles_for_an_admin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    await load_seed("admin")  # the demo seed loaded them already: nothing new
    assert "已加载 0 篇文章" in capsys.readouterr().out
    assert await queries.all_slugs() == {slug for slug, _ in seed_articles()}


async def test_load_seed_command_refuses_anyone_but_an_admin() -> None:
    with pytest.raises(SystemExit, match="不是有效的管理员账号"):
        await load_seed("staff1")
