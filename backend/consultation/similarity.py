"""Pure rules of answer consistency (答复一致性): similar questions, and how they were answered.

Questions are folded (full-width to half-width, case, punctuation and filler words away)
and compared by the Jaccard similarity of their character bigrams; questions at or above
the threshold join one group (single linkage). A group is inconsistent when its answers
cite different articles, cite a version older than the one in force, or when some were
answered from an article and others without one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

THRESHOLD = 0.5
_FILLER = re.compile(r"请问|你好|您好|我想问一下|我想问|想问一下|想问|一下|谢谢|麻烦|吗|呢|啊|吧")
_DROP = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    return _DROP.sub("", _FILLER.sub("", folded))


def bigrams(text: str) -> frozenset[str]:
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class Answered:
    """One consultation as the report sees it."""

    id: UUID
    question: str
    normalised: str
    channel: str
    article_id: UUID | None
    version: int | None


@dataclass(frozen=True, slots=True)
class ArticleUse:
    article_id: UUID | None  # None: answered without an article
    version: int | None
    count: int
    outdated: bool


@dataclass(frozen=True, slots=True)
class Group:
    question: str  # the most frequent wording (the first asked on a tie)
    channels: list[str]
    articles: list[ArticleUse]
    count: int
    reasons: list[str]  # different_articles | outdated_version | without_article


def group_similar(items: Sequence[Answered], threshold: float = THRESHOLD) -> list[list[Answered]]:
    """Groups of similar questions (single linkage, union-find), in order of first appearance."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    grams = [bigrams(item.normalised) for item in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if root(i) != root(j) and jaccard(grams[i], grams[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[Answered]] = {}
    for index, item in enumerate(items):
        groups.setdefault(root(index), []).append(item)
    return list(groups.values())


def describe(group: Sequence[Answered], in_force: Mapping[UUID, int]) -> Group:
    """The group as reported; ``in_force`` maps an article to its published version."""
    uses = Counter((item.article_id, item.version) for item in group)
    articles = [
        ArticleUse(
            article_id=article_id,
            version=version,
            count=count,
            outdated=article_id is not None
            and version is not None
            and version < in_force.get(article_id, version),
        )
        for (article_id, version), count in sorted(
            uses.items(), key=lambda kv: (-kv[1], str(kv[0][0]), kv[0][1] or 0)
        )
    ]
    cited = {use.article_id for use in articles if use.article_id is not None}
    reasons = []
    if len(cited) > 1:
        reasons.append("different_articles")
    if any(use.outdated for use in articles):
        reasons.append("outdated_version")
    if cited and any(use.article_id is None for use in articles):
        reasons.append("without_article")
    wording = Counter(item.question for item in group).most_common()
    top = max(count for _, count in wording)
    question = next(item.question for item in group if dict(wording)[item.question] == top)
    channels = list(dict.fromkeys(item.channel for item in group))
    return Group(question, channels, articles, len(group), reasons)


def inconsistencies(
    items: Sequence[Answered], in_force: Mapping[UUID, int], threshold: float = THRESHOLD
) -> list[Group]:
    """The groups answered inconsistently, largest first."""
    described = [describe(group, in_force) for group in group_similar(items, threshold)]
    flagged = [
        group
        for group in described
        if group.reasons and (group.count > 1 or "outdated_version" in group.reasons)
    ]
    return sorted(flagged, key=lambda group: -group.count)
