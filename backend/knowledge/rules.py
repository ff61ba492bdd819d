"""Validation of article content (pure; no database)."""

from __future__ import annotations

from datetime import date

from backend.errors import DoorstepError, ErrorCode
from backend.knowledge.models import ArticleContent, Category

MAX_TITLE = 200
MAX_BODY = 100_000
MAX_TAGS = 20
MAX_TAG = 30
MAX_QUERY = 100


def parse_category(value: str) -> Category:
    try:
        return Category(value.strip())
    except ValueError:
        allowed = "、".join(c.value for c in Category)
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"分类只能是：{allowed}。", field="category"
        ) from None


def _clean_list(values: list[str] | tuple[str, ...], field: str) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
    if len(cleaned) > MAX_TAGS or any(len(v) > MAX_TAG * 4 for v in cleaned):
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "标签或依据过多、过长。", field=field)
    return cleaned


def article_content(
    *,
    title: str,
    body: str,
    category: str,
    tags: list[str] | tuple[str, ...],
    policy_refs: list[str] | tuple[str, ...],
    effective_date: date,
    change_note: str = "",
) -> ArticleContent:
    """Checked, trimmed content, or VALIDATION_FAILED naming the field."""
    title = title.strip()
    if not title or len(title) > MAX_TITLE:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"标题不能为空，且不超过 {MAX_TITLE} 字。", field="title"
        )
    if not body.strip() or len(body) > MAX_BODY:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "正文不能为空。", field="body")
    tags_clean = _clean_list(tags, "tags")
    if any(len(tag) > MAX_TAG for tag in tags_clean):
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"每个标签不超过 {MAX_TAG} 字。", field="tags"
        )
    return ArticleContent(
        title=title,
        body=body.strip() + "\n",
        category=parse_category(category),
        tags=tags_clean,
        policy_refs=_clean_list(policy_refs, "policyRefs"),
        effective_date=effective_date,
        change_note=change_note.strip(),
    )


def search_query(query: str) -> str:
    query = query.strip()
    if len(query) > MAX_QUERY:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"搜索内容不超过 {MAX_QUERY} 字。", field="query"
        )
    return query


def page_size(first: int | None, default: int = 10, maximum: int = 50) -> int:
    if first is None:
        return default
    if first < 1 or first > maximum:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, f"first 应在 1 到 {maximum} 之间。", field="first"
        )
    return first
