"""Turns a staff member's question into a search plan: every group must match, any
alternative within a group may (synonyms, or the shorter words of a compound)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.knowledge.segmentation import inner_words, query_words
from backend.knowledge.synonyms import has_synonyms, synonyms_of

MAX_GROUPS = 8  # longer questions are cut: more groups only narrow the result


Alternative = tuple[str, ...]  # words that must all occur


@dataclass(frozen=True, slots=True)
class QueryPlan:
    groups: tuple[tuple[Alternative, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups

    def terms(self) -> list[str]:
        """Every word the plan looks for, longest first (for highlighting)."""
        words = {word for group in self.groups for alt in group for word in alt}
        return sorted(words, key=lambda word: (-len(word), word))

    def any_group(self) -> QueryPlan:
        """The looser plan used when nothing matches every group: one group of all."""
        return QueryPlan(groups=(tuple(alt for group in self.groups for alt in group),))


def plan_query(query: str) -> QueryPlan:
    groups: list[tuple[Alternative, ...]] = []
    for word in query_words(query)[:MAX_GROUPS]:
        alternatives: list[Alternative] = [(synonym,) for synonym in synonyms_of(word)]
        parts = inner_words(word)
        if len(parts) > 1 and not has_synonyms(word):
            alternatives.append(tuple(parts))
        groups.append(tuple(alternatives))
    return QueryPlan(groups=tuple(groups))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_expression(plan: QueryPlan) -> str:
    """The plan as an SQLite FTS5 MATCH expression (every word quoted, so never syntax)."""
    groups = []
    for group in plan.groups:
        alternatives = ["(" + " AND ".join(_quoted(w) for w in alt) + ")" for alt in group]
        groups.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(groups)


def fts5_title_expression(plan: QueryPlan) -> str:
    """The same expression restricted to the title column."""
    return "title : (" + fts5_expression(plan) + ")"


def tsquery_words(plan: QueryPlan) -> tuple[str, list[str]]:
    """The plan as a PostgreSQL tsquery expression with ``{}`` placeholders, and its words."""
    words: list[str] = []
    groups = []
    for group in plan.groups:
        alternatives = []
        for alt in group:
            words.extend(alt)
            parts = " && ".join("plainto_tsquery('simple', {})" for _ in alt)
            alternatives.append(f"({parts})")
        groups.append("(" + " || ".join(alternatives) + ")")
    return " && ".join(groups), words
