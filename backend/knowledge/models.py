"""Plain records of the knowledge domain (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID


class Category(StrEnum):
    DEPOSIT = "缴存"
    WITHDRAWAL = "提取"
    LOAN = "贷款"
    TRANSFER = "转移"
    OTHER = "其他"


class VersionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class ArticleContent:
    """What an editor writes; a version holds exactly this."""

    title: str
    body: str
    category: Category
    tags: tuple[str, ...]
    policy_refs: tuple[str, ...]
    effective_date: date
    change_note: str = ""


@dataclass(frozen=True, slots=True)
class ArticleVersionRecord:
    article_id: UUID
    slug: str
    version: int
    status: VersionStatus
    content: ArticleContent
    updated_at: datetime
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One version of an article, with the article's published version and history."""

    current: ArticleVersionRecord
    published_version: int
    history: tuple[ArticleVersionRecord, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: UUID
    version: int
    title: str
    snippet: str
    category: Category
    effective_date: date
    score: float


@dataclass(frozen=True, slots=True)
class IndexedHit:
    """A row the full-text index returned, before the snippet is made."""

    article_id: UUID
    version: int
    title: str
    body: str
    category: str
    effective_date: date
    title_hit: bool
    score: float
