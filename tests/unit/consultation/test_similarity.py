from __future__ import annotations

import uuid

from backend.consultation.similarity import (
    Answered,
    bigrams,
    group_similar,
    inconsistencies,
    jaccard,
    normalise,
)

RENT, OVERVIEW = uuid.uuid4(), uuid.uuid4()


def _item(question: str, channel: str, article: uuid.UUID | None, version: int | None) -> Answered:
    return Answered(uuid.uuid4(), question, normalise(question), channel, article, version)


def test_questions_are_folded_before_comparison() -> None:
    assert normalise("请问，租房能提取公积金吗？") == "租房能提取公积金"
    assert normalise("ＡＢＣ 租房") == "abc租房"


def test_similar_wordings_score_high_and_unrelated_ones_low() -> None:
    a, b = bigrams(normalise("租房能提取公积金吗")), bigrams(normalise("租房能不能提取公积金"))
    c = bigrams(normalise("退休销户怎么办理"))
    assert jaccard(a, b) >= 0.5
    assert jaccard(a, c) == 0.0


def test_similar_questions_group_across_channels() -> None:
    items = [
        _item("租房能提取公积金吗", "hotline", RENT, 1),
        _item("退休销户怎么办理", "window", None, None),
        _item("请问租房能不能提取公积金", "online", OVERVIEW, 1),
    ]
    groups = group_similar(items)
    assert [[i.channel for i in g] for g in groups] == [["hotline", "online"], ["window"]]


def test_different_articles_outdated_versions_and_missing_articles_are_reported() -> None:
    items = [
        _item("租房能提取公积金吗", "hotline", RENT, 2),
        _item("租房能提取公积金吗", "window", RENT, 1),
        _item("租房能不能提取公积金", "online", OVERVIEW, 1),
        _item("租房可以提取公积金吗", "visit", None, None),
    ]
    [group] = inconsistencies(items, {RENT: 2, OVERVIEW: 1})
    assert group.question == "租房能提取公积金吗"
    assert group.channels == ["hotline", "window", "online", "visit"]
    assert group.reasons == ["different_articles", "outdated_version", "without_article"]
    assert {(u.version, u.outdated) for u in group.articles if u.article_id == RENT} == {
        (1, True),
        (2, False),
    }


def test_consistent_answers_are_not_reported() -> None:
    items = [_item("租房能提取公积金吗", c, RENT, 1) for c in ("hotline", "window", "online")]
    assert inconsistencies(items, {RENT: 1}) == []
