"""Every database query of the knowledge domain, including the engine-specific full-text
index (SQLite FTS5 virtual table / PostgreSQL tsvector with a GIN index)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

from backend.knowledge.models import (
    ArticleContent,
    ArticleVersionRecord,
    Category,
    IndexedHit,
    VersionStatus,
)
from backend.knowledge.query_plan import (
    QueryPlan,
    fts5_expression,
    fts5_title_expression,
    tsquery_words,
)
from backend.knowledge.tables import Article, ArticleVersion

# --- DDL, run by the knowledge app's second migration -------------------------------------

SQLITE_DDL = (
    # Words are stored pre-segmented (space-separated), so unicode61 only splits on spaces
    # and punctuation and folds case.
    """CREATE VIRTUAL TABLE IF NOT EXISTS kb_search USING fts5(
        article_id UNINDEXED, version UNINDEXED, title, keywords, body,
        tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS kb_search_forget_deleted AFTER DELETE ON kb_article
        BEGIN DELETE FROM kb_search WHERE article_id = old.id; END""",
    """CREATE UNIQUE INDEX IF NOT EXISTS kb_article_version_number
        ON kb_article_version (article, version)""",
)

POSTGRES_DDL = (
    """CREATE TABLE IF NOT EXISTS kb_search (
        article_id uuid PRIMARY KEY REFERENCES kb_article (id) ON DELETE CASCADE,
        version integer NOT NULL,
        document tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS kb_search_document ON kb_search USING gin (document)",
    # Every search reads the matching rows' vectors to rank them: kept compressed in the row
    # (not TOASTed out of line) that costs a third less. The title's own small vector
    # tells title matches apart without filtering each whole document.
    "ALTER TABLE kb_search ALTER COLUMN document SET STORAGE MAIN",
    "ALTER TABLE kb_search ADD COLUMN IF NOT EXISTS title_document tsvector NOT NULL "
    "DEFAULT ''::tsvector",
    # Indexes made before the title vector existed: fill it, and store documents anew.
    """UPDATE kb_search SET title_document = ts_filter(document, '{a}'),
        document = document || ''::tsvector
        WHERE title_document = ''::tsvector AND ts_filter(document, '{a}') <> ''::tsvector""",
    """CREATE UNIQUE INDEX IF NOT EXISTS kb_article_version_number
        ON kb_article_version (article, version)""",
)

DROP_DDL = (
    "DROP TRIGGER IF EXISTS kb_search_forget_deleted",
    "DROP TABLE IF EXISTS kb_search",
    "DROP INDEX IF EXISTS kb_article_version_number",
)


def _engine() -> Any:
    return Article._meta.db


def _is_sqlite() -> bool:
    return bool(_engine().engine_type == "sqlite")


async def create_search_index() -> None:
    engine = _engine()
    for statement in SQLITE_DDL if _is_sqlite() else POSTGRES_DDL:
        await engine.run_ddl(statement)


async def drop_search_index() -> None:
    engine = _engine()
    statements = DROP_DDL if _is_sqlite() else DROP_DDL[1:]
    for statement in statements:
        await engine.run_ddl(statement)


def transaction() -> Any:
    """One transaction around a use case's writes (same engine as the tables)."""
    return _engine().transaction()


# --- Articles and versions ----------------------------------------------------------------


def _as_date(value: Any) -> date:
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
            effective_date=_as_date(row["effective_date"]),
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
        query = query.where(
            (ArticleVersion.status == str(VersionStatus.DRAFT)) | (status & newest)
        )
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


# --- Full-text index ----------------------------------------------------------------------


async def index_article(
    article_id: UUID, version: int, title: str, keywords: str, body: str
) -> None:
    """Replaces the article's entry with its published version (segmented words)."""
    if _is_sqlite():
        await Article.raw("DELETE FROM kb_search WHERE article_id = {}", str(article_id))
        await Article.raw(
            "INSERT INTO kb_search (article_id, version, title, keywords, body) "
            "VALUES ({}, {}, {}, {}, {})",
            str(article_id),
            version,
            title,
            keywords,
            body,
        )
        return
    await Article.raw(
        """INSERT INTO kb_search (article_id, version, document, title_document) VALUES ({}, {},
             setweight(to_tsvector('simple', {}), 'A')
             || setweight(to_tsvector('simple', {}), 'B')
             || setweight(to_tsvector('simple', {}), 'D'),
             setweight(to_tsvector('simple', {}), 'A'))
           ON CONFLICT (article_id) DO UPDATE
             SET version = excluded.version, document = excluded.document,
                 title_document = excluded.title_document""",
        article_id,
        version,
        title,
        keywords,
        body,
        title,
    )


_SQLITE_SEARCH = """
WITH hits AS (
  SELECT article_id, version,
         -bm25(kb_search, 0.0, 0.0, 10.0, 4.0, 1.0) AS score,
         rowid IN (SELECT rowid FROM kb_search WHERE kb_search MATCH {}) AS title_hit
  FROM kb_search WHERE kb_search MATCH {}
  ORDER BY title_hit DESC, score DESC LIMIT {})
SELECT h.article_id, h.version, h.title_hit, h.score,
       v.title, v.body, v.category, v.effective_date
FROM hits h JOIN kb_article_version v ON v.article = h.article_id AND v.version = h.version
ORDER BY h.title_hit DESC, h.score DESC"""

# TSQUERY is replaced by an expression made only of fixed SQL and {} placeholders
# (query_plan.tsquery_words); the words themselves are always bound as parameters.
_POSTGRES_SEARCH = """
WITH q AS (SELECT TSQUERY AS query),
hits AS (
  SELECT s.article_id, s.version,
         ts_rank(s.document, q.query) AS score,
         (s.title_document @@ q.query) AS title_hit
  FROM kb_search s, q WHERE s.document @@ q.query
  ORDER BY title_hit DESC, score DESC LIMIT {})
SELECT h.article_id, h.version, h.title_hit, h.score,
       v.title, v.body, v.category, v.effective_date
FROM hits h JOIN kb_article_version v ON v.article = h.article_id AND v.version = h.version
ORDER BY h.title_hit DESC, h.score DESC"""


def _hit(row: dict[str, Any]) -> IndexedHit:
    article_id = row["article_id"]
    return IndexedHit(
        article_id=article_id if isinstance(article_id, UUID) else UUID(str(article_id)),
        version=int(row["version"]),
        title=row["title"],
        body=row["body"],
        category=row["category"],
        effective_date=_as_date(row["effective_date"]),
        title_hit=bool(row["title_hit"]),
        score=float(row["score"]),
    )


async def search(plan: QueryPlan, limit: int) -> list[IndexedHit]:
    """Published articles matching the plan: title matches first, then by relevance."""
    if plan.empty:
        return []
    if _is_sqlite():
        rows = await Article.raw(
            _SQLITE_SEARCH, fts5_title_expression(plan), fts5_expression(plan), limit
        )
    else:
        expression, words = tsquery_words(plan)
        sql = _POSTGRES_SEARCH.replace("TSQUERY", expression, 1)
        rows = await Article.raw(sql, *words, limit)
    return [_hit(row) for row in rows]


async def like_scan(needle: str) -> int:
    """Baseline for the benchmark: what a search without an index does, a substring scan of
    every published title and body (all matches, as ranking them would need)."""
    pattern = f"%{needle}%"
    return int(
        await ArticleVersion.count().where(
            (ArticleVersion.status == str(VersionStatus.PUBLISHED))
            & (ArticleVersion.title.like(pattern) | ArticleVersion.body.like(pattern))
        )
    )


async def tidy_search_index() -> None:
    """After a bulk load: merge FTS5's segments (SQLite) / refresh planner statistics
    (PostgreSQL) so searches use the index well straight away."""
    if _is_sqlite():
        await _engine().run_ddl("INSERT INTO kb_search (kb_search) VALUES ('optimize')")
    else:
        await _engine().run_ddl("ANALYZE kb_search")
