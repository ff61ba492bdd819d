"""Use cases of the knowledge base: write drafts, publish versions, read, search."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge import queries, search_queries
from backend.knowledge.changes import article_put
from backend.knowledge.models import (
    ArticleContent,
    ArticleVersionRecord,
    ArticleView,
    Category,
    SearchHit,
    VersionStatus,
)
from backend.knowledge.query_plan import plan_query
from backend.knowledge.segmentation import index_text
from backend.knowledge.snippets import highlight, plain_text
from sync.changelog import changes as sync_changes

EDITORS = frozenset({Role.ADMIN})
BULK_LOAD = 100  # articles loaded at once after which the search index is tidied


def _now() -> datetime:
    return datetime.now(UTC)


def _require_editor(actor: UserRecord) -> None:
    if actor.role not in EDITORS:
        raise DoorstepError(ErrorCode.FORBIDDEN)


def _not_found() -> DoorstepError:
    return DoorstepError(ErrorCode.NOT_FOUND, "找不到该知识库文章或版本。")


async def _view(article_id: UUID, version: int | None, actor: UserRecord) -> ArticleView:
    """The version asked for (default: published, or the draft for an editor never published)."""
    state = await queries.article_state(article_id)
    if state is None:
        raise _not_found()
    _, published_version = state
    history = await queries.versions_of(article_id)
    editor = actor.role in EDITORS
    visible = tuple(v for v in history if editor or v.status is VersionStatus.PUBLISHED)
    wanted = version or published_version or (history[-1].version if editor and history else 0)
    current = next((v for v in visible if v.version == wanted), None)
    if current is None:
        raise _not_found()
    return ArticleView(current=current, published_version=published_version, history=visible)


async def read_article(actor: UserRecord, article_id: UUID, version: int | None) -> ArticleView:
    """An article as staff see it: the published version, or an older one exactly as it was.
    Drafts are visible to editors only."""
    return await _view(article_id, version, actor)


async def list_articles(
    actor: UserRecord, category: Category | None, first: int
) -> list[ArticleVersionRecord]:
    """The articles as their reader sees them: staff the published versions, editors also
    the drafts in progress (newest change first)."""
    editor = actor.role in EDITORS
    return await queries.latest_versions(
        str(category) if category else None, include_drafts=editor, limit=first
    )


async def create_article(
    actor: UserRecord, content: ArticleContent, slug: str | None = None
) -> ArticleView:
    """A new article with its first version as a draft."""
    _require_editor(actor)
    article_id = uuid.uuid4()
    now = _now()
    async with queries.transaction():
        if slug is not None and await queries.article_id_by_slug(slug) is not None:
            raise DoorstepError(ErrorCode.CONFLICT, f"标识 {slug} 已被其他文章使用。")
        await queries.insert_article(article_id, slug or f"article-{article_id}", now)
        await queries.insert_draft(article_id, 1, content, actor.id, now)
    return await _view(article_id, 1, actor)


async def update_article(
    actor: UserRecord, article_id: UUID, content: ArticleContent
) -> ArticleView:
    """Writes the article's draft: edits the open draft, or opens the next version.
    Published versions are never changed."""
    _require_editor(actor)
    now = _now()
    async with queries.transaction():
        if await queries.article_state(article_id) is None:
            raise _not_found()
        latest = await queries.latest_version_number(article_id)
        if not await queries.update_draft(article_id, latest, content, actor.id, now):
            latest += 1
            await queries.insert_draft(article_id, latest, content, actor.id, now)
    return await _view(article_id, latest, actor)


async def publish_article(actor: UserRecord, article_id: UUID) -> ArticleView:
    """Publishes the draft: it becomes the version staff see and is frozen from now on."""
    _require_editor(actor)
    # A sync write transaction: the version, its index entry and its change for devices
    # commit together, in the change log's order.
    async with sync_changes.write_transaction():
        state = await queries.article_state(article_id)
        if state is None:
            raise _not_found()
        latest = await queries.latest_version_number(article_id)
        if not await queries.mark_published(article_id, latest, actor.id, _now()):
            raise DoorstepError(ErrorCode.INVALID_STATE, "没有待发布的草稿。")
        record = await queries.version_of(article_id, latest)
        assert record is not None  # written in this transaction
        await _index(record)
        await sync_changes.record([article_put(record)], record.published_at)
    return await _view(article_id, latest, actor)


async def _index(record: ArticleVersionRecord) -> None:
    content = record.content
    await search_queries.index_article(
        record.article_id,
        record.version,
        index_text(content.title),
        index_text(" ".join((*content.tags, str(content.category)))),
        index_text(plain_text(content.body)),
    )


async def search(query: str, first: int) -> list[SearchHit]:
    """Published articles for a question: every topic word (or a synonym) must match; if
    none does, any may. Title matches rank above body matches."""
    plan = plan_query(query)
    hits = await search_queries.search(plan, first)
    if not hits and len(plan.groups) > 1:
        hits = await search_queries.search(plan.any_group(), first)
    terms = plan.terms()
    return [
        SearchHit(
            article_id=hit.article_id,
            version=hit.version,
            title=hit.title,
            snippet=highlight(plain_text(hit.body), terms),
            category=Category(hit.category),
            effective_date=hit.effective_date,
            score=round(hit.score, 6),
        )
        for hit in hits
    ]


async def published_articles_since(
    after: tuple[datetime, UUID] | None = None, limit: int = 200
) -> list[ArticleVersionRecord]:
    """Published versions in publication order after a (published_at, article id) position:
    what devices need to bring their offline copy up to date."""
    return await queries.published_since(after, limit)


async def load_articles(actor: UserRecord, articles: list[tuple[str, ArticleContent]]) -> list[str]:
    """Creates each (slug, content) whose slug is not there yet, published as version 1, in
    one transaction; returns the slugs created. Safe to run again: articles already there
    are left as editors left them."""
    _require_editor(actor)
    existing = await queries.all_slugs()
    new = [(uuid.uuid4(), slug, content) for slug, content in articles if slug not in existing]
    if not new:
        return []
    now = _now()
    records = [
        ArticleVersionRecord(
            article_id=article_id,
            slug=slug,
            version=1,
            status=VersionStatus.PUBLISHED,
            content=content,
            updated_at=now,
            published_at=now,
        )
        for article_id, slug, content in new
    ]
    async with sync_changes.write_transaction():
        await queries.insert_published_batch(new, actor.id, now)
        for record in records:
            await _index(record)
        await sync_changes.record([article_put(record) for record in records], now)
    if len(new) >= BULK_LOAD:
        await search_queries.tidy_search_index()
    return [slug for _, slug, _ in new]
