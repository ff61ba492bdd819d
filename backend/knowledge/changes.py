"""Published articles as sync changes (entity "article", for every signed-in user)."""

from __future__ import annotations

from typing import Any

from backend.knowledge.models import ArticleVersionRecord
from sync.changelog.audience import Audience
from sync.changelog.storage import NewChange

ARTICLE_ENTITY = "article"
EVERYONE = Audience(users=frozenset(), public=True)


def article_data(record: ArticleVersionRecord) -> dict[str, Any]:
    """What a device stores and indexes offline (pwa/src/knowledge: KnowledgeArticle)."""
    content = record.content
    return {
        "id": str(record.article_id),
        "slug": record.slug,
        "title": content.title,
        "body": content.body,
        "category": str(content.category),
        "tags": list(content.tags),
        "policyRefs": list(content.policy_refs),
        "version": record.version,
        "effectiveDate": content.effective_date.isoformat(),
        "publishedAt": record.published_at.isoformat() if record.published_at else None,
    }


def article_put(record: ArticleVersionRecord) -> NewChange:
    return NewChange(
        ARTICLE_ENTITY,
        str(record.article_id),
        "put",
        record.version,
        article_data(record),
        EVERYONE,
    )
