from datetime import date

import pytest

from backend.errors import DoorstepError
from backend.knowledge.front_matter import parse
from backend.knowledge.models import Category
from backend.knowledge.rules import article_content, page_size, search_query
from backend.knowledge.seed import seed_articles


def _content(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "title": " 租房提取 ",
        "body": "正文",
        "category": "提取",
        "tags": ["租房", " 租房 ", ""],
        "policy_refs": [],
        "effective_date": date(2026, 1, 1),
    }
    values.update(changes)
    return values


def test_content_is_trimmed_and_tags_deduplicated() -> None:
    content = article_content(**_content())  # type: ignore[arg-type]
    assert content.title == "租房提取"
    assert content.tags == ("租房",)
    assert content.category is Category.WITHDRAWAL


@pytest.mark.parametrize(
    ("field", "value"), [("title", " "), ("body", ""), ("category", "杂项"), ("tags", ["长" * 31])]
)
def test_invalid_content_names_the_field(field: str, value: object) -> None:
    with pytest.raises(DoorstepError) as raised:
        article_content(**_content(**{field: value}))  # type: ignore[arg-type]
    assert raised.value.code == "VALIDATION_FAILED"
    assert raised.value.field == field


def test_overlong_query_and_bad_page_size_are_refused() -> None:
    with pytest.raises(DoorstepError):
        search_query("问" * 101)
    with pytest.raises(DoorstepError):
        page_size(0)
    assert page_size(None) == 10


def test_front_matter_reads_strings_and_lists() -> None:
    fields, body = parse('---\nslug: a\ntags: ["租房", "提取"]\n---\n# 正文\n')
    assert fields == {"slug": "a", "tags": ["租房", "提取"]}
    assert body == "# 正文\n"


def test_every_seed_article_is_valid_and_the_reasons_are_covered() -> None:
    articles = seed_articles()
    slugs = [slug for slug, _ in articles]
    assert len(articles) >= 30
    assert len(slugs) == len(set(slugs))
    titles = " ".join(content.title for _, content in articles)
    for reason in (
        "购买",
        "建造",
        "退休",
        "劳动能力",
        "出境",
        "偿还",
        "租房",
        "死亡",
        "大病",
        "其他",
    ):
        assert reason in titles, reason
