"""The knowledge domain's engine-specific full-text index: an SQLite FTS5 virtual table, or
a PostgreSQL tsvector with a GIN index (DDL run by the knowledge app's migrations), and
the queries that fill, search and tidy it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.knowledge.models import (
    IndexedHit,
    VersionStatus,
)
from backend.knowledge.queries import as_date
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
        effective_date=as_date(row["effective_date"]),
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
