"""Database queries of the knowledge domain's articles and versions (the full-text index is
in ``backend.knowledge.search_queries``)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

from backend.knowledge.models import (
    ArticleContent,
    ArticleVersionRecord,
    Category,
    VersionStatus,
)
from backend.knowledge.tables import Article, ArticleVersion


def transaction() -> Any:
    """One transaction around a use case's writes (same engine as the tables)."""
    return Article._meta.db.transaction()


# --- Articles and versions ----------------------------------------------------------------


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_list(value: Any) -> tuple[str, ...]:
    items = json.loads(value) if isinstance(value, str) else value
    return tuple(str(item) for item in items or [])


def _record(row: dict[str, Any]) -> ArticleVersionRecord:
    return ArticleVersionRecord(
        article_id=row["article"],
        slug=row["article.slug"],
        version=int(row["version"]),
        status=VersionStatus(row["status"]),
        content=ArticleContent(
            title=row["title"],
            body=row["body"],
            category=Category(row["category"]),
            tags=_as_list(row["tags"]),
            policy_refs=_as_list(row["policy_refs"]),
            effective_date=as_date(row["effective_date"]),
            change_note=row["change_note"],
        ),
        updated_at=row["updated_at"],
        published_at=row["published_at"],
    )


def _select_versions() -> Any:
    return ArticleVersion.select(*ArticleVersion.all_columns(), ArticleVersion.article.slug)


async def insert_article(article_id: UUID, slug: str, created_at: datetime) -> None:
    await Article.insert(Article(id=article_id, slug=slug, created_at=created_at))


async def article_state(article_id: UUID) -> tuple[str, int] | None:
    """(slug, published version) of the article, or None when it does not exist."""
    row = (
        await Article.select(Article.slug, Article.published_version)
        .where(Article.id == article_id)
        .first()
    )
    return (row["slug"], int(row["published_version"])) if row else None


async def article_id_by_slug(slug: str) -> UUID | None:
    row = await Article.select(Article.id).where(Article.slug == slug).first()
    return row["id"] if row else None


async def latest_version_number(article_id: UUID) -> int:
    row = (
        await ArticleVersion.select(ArticleVersion.version)
        .where(ArticleVersion.article == article_id)
        .order_by(ArticleVersion.version, ascending=False)
        .first()
    )
    return int(row["version"]) if row else 0


def _content_values(content: ArticleContent) -> dict[Any, Any]:
    return {
        ArticleVersion.title: content.title,
        ArticleVersion.body: content.body,
        ArticleVersion.category: str(content.category),
        ArticleVersion.tags: json.dumps(list(content.tags), ensure_ascii=False),
        ArticleVersion.policy_refs: json.dumps(list(content.policy_refs), ensure_ascii=False),
        ArticleVersion.effective_date: content.effective_date,
        ArticleVersion.change_note: content.change_note,
    }


async def insert_draft(
    article_id: UUID, version: int, content: ArticleContent, editor: UUID, now: datetime
) -> None:
    values = {column._meta.name: value for column, value in _content_values(content).items()}
    await ArticleVersion.insert(
        ArticleVersion(
            article=article_id,
            version=version,
            status=str(VersionStatus.DRAFT),
            edited_by=editor,
            created_at=now,
            updated_at=now,
            **values,
        )
    )


async def insert_published_batch(
    articles: list[tuple[UUID, str, ArticleContent]], publisher: UUID, now: datetime
) -> None:
    """Inserts articles whose first version is published at once (bulk seeding)."""
    await Article.insert(
        *(
            Article(id=article_id, slug=slug, published_version=1, created_at=now)
            for article_id, slug, _ in articles
        )
    )
    versions = []
    for article_id, _, content in articles:
        values = {column._meta.name: value for column, value in _content_values(content).items()}
        versions.append(
            ArticleVersion(
                article=article_id,
                version=1,
                status=str(VersionStatus.PUBLISHED),
                edited_by=publisher,
                created_at=now,
                updated_at=now,
                published_at=now,
                published_by=publisher,
                **values,
            )
        )
    await ArticleVersion.insert(*versions)


async def update_draft(
    article_id: UUID, version: int, content: ArticleContent, editor: UUID, now: datetime
) -> bool:
    """Changes the draft; a published version is never matched, so never changed."""
    values = {
        **_content_values(content),
        ArticleVersion.edited_by: editor,
        ArticleVersion.updated_at: now,
    }
    changed = (
        await ArticleVersion.update(values)
        .where(
            (ArticleVersion.article == article_id)
            & (ArticleVersion.version == version)
            & (ArticleVersion.status == str(VersionStatus.DRAFT))
        )
        .returning(ArticleVersion.id)
    )
    return bool(changed)


async def mark_published(article_id: UUID, version: int, publisher: UUID, now: datetime) -> bool:
    changed = (
        await ArticleVersion.update(
            {
                ArticleVersion.status: str(VersionStatus.PUBLISHED),
                ArticleVersion.published_at: now,
                ArticleVersion.published_by: publisher,
            }
        )
        .where(
            (ArticleVersion.article == article_id)
            & (ArticleVersion.version == version)
            & (ArticleVersion.status == str(VersionStatus.DRAFT))
        )
        .returning(ArticleVersion.id)
    )
    if not changed:
        return False
    await Article.update({Article.published_version: version}).where(Article.id == article_id)
    return True


async def version_of(article_id: UUID, version: int) -> ArticleVersionRecord | None:
    row = (
        await _select_versions()
        .where((ArticleVersion.article == article_id) & (ArticleVersion.version == version))
        .first()
    )
    return _record(row) if row else None


async def versions_of(article_id: UUID) -> list[ArticleVersionRecord]:
    rows = (
        await _select_versions()
        .where(ArticleVersion.article == article_id)
        .order_by(ArticleVersion.version)
    )
    return [_record(row) for row in rows]


async def published_since(
    after: tuple[datetime, UUID] | None, limit: int
) -> list[ArticleVersionRecord]:
    """Published versions in publication order, after (published_at, article id)."""
    query = _select_versions().where(ArticleVersion.status == str(VersionStatus.PUBLISHED))
    if after is not None:
        at, article_id = after
        query = query.where(
            (ArticleVersion.published_at > at)
            | ((ArticleVersion.published_at == at) & (ArticleVersion.article > article_id))
        )
    rows = await query.order_by(ArticleVersion.published_at, ArticleVersion.article).limit(limit)
    return [_record(row) for row in rows]


async def published_current(after: UUID | None, limit: int) -> list[ArticleVersionRecord]:
    """The version staff see of each published article, by article id after ``after``."""
    query = _select_versions().where(
        (ArticleVersion.status == str(VersionStatus.PUBLISHED))
        & (ArticleVersion.version == ArticleVersion.article.published_version)
    )
    if after is not None:
        query = query.where(ArticleVersion.article > after)
    rows = await query.order_by(ArticleVersion.article).limit(limit)
    return [_record(row) for row in rows]


async def latest_versions(
    category: str | None, include_drafts: bool, limit: int
) -> list[ArticleVersionRecord]:
    """Each article's newest version (published only, unless drafts are wanted), newest
    change first."""
    status = ArticleVersion.status == str(VersionStatus.PUBLISHED)
    newest = ArticleVersion.version == ArticleVersion.article.published_version
    query = _select_versions()
    if include_drafts:
        # The draft when there is one, else the published version.
        query = query.where((ArticleVersion.status == str(VersionStatus.DRAFT)) | (status & newest))
    else:
        query = query.where(status & newest)
    if category is not None:
        query = query.where(ArticleVersion.category == category)
    rows = await query.order_by(ArticleVersion.updated_at, ascending=False).limit(limit)
    records = [_record(row) for row in rows]
    if include_drafts:  # an article with a draft is listed once, as its draft
        drafted = {r.article_id for r in records if r.status is VersionStatus.DRAFT}
        records = [
            r for r in records if r.status is VersionStatus.DRAFT or r.article_id not in drafted
        ]
    return records


async def all_slugs() -> set[str]:
    rows = await Article.select(Article.slug)
    return {row["slug"] for row in rows}
