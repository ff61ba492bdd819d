"""The articles Doorstep ships with (seed_articles/*.md): loaded by the demo seed, and by an
administrator in production with the same function (``load_seed_articles``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backend.accounts.models import UserRecord
from backend.errors import ConfigurationError, DoorstepError
from backend.knowledge import rules, service
from backend.knowledge.front_matter import SEED_DIRECTORY, parse, seed_files
from backend.knowledge.models import ArticleContent


def _text(fields: dict[str, str | list[str]], key: str, source: str) -> str:
    value = fields.get(key)
    if not isinstance(value, str) or not value:
        raise ConfigurationError(f"{source}: 缺少 {key}")
    return value


def _list(fields: dict[str, str | list[str]], key: str) -> list[str]:
    value = fields.get(key, [])
    return value if isinstance(value, list) else [value]


def read_seed_article(path: Path) -> tuple[str, ArticleContent]:
    fields, body = parse(path.read_text(encoding="utf-8"), source=path.name)
    try:
        content = rules.article_content(
            title=_text(fields, "title", path.name),
            body=body,
            category=_text(fields, "category", path.name),
            tags=_list(fields, "tags"),
            policy_refs=_list(fields, "policy_refs"),
            effective_date=date.fromisoformat(_text(fields, "effective_date", path.name)),
            change_note="初始版本",
        )
    except DoorstepError as error:
        raise ConfigurationError(f"{path.name}: {error.message}") from None
    return _text(fields, "slug", path.name), content


def seed_articles(directory: Path = SEED_DIRECTORY) -> list[tuple[str, ArticleContent]]:
    return [read_seed_article(path) for path in seed_files(directory)]


async def load_seed_articles(admin: UserRecord) -> list[str]:
    """Creates and publishes the seed articles not yet present; returns their slugs."""
    return await service.load_articles(admin, seed_articles())
