"""Plain text from Markdown and highlighted snippets around the words a search found.

Snippets are HTML: the article text escaped, each found word wrapped in ``<mark>``.
"""

from __future__ import annotations

import html
import re

SNIPPET_LENGTH = 80  # characters of article text around the matches
_LEAD = 12  # characters shown before the first match

_MARKDOWN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),
    (re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.M), ""),
    (re.compile(r"(\*\*|__|\*|_|`|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"\|"), " "),
)


def plain_text(markdown: str) -> str:
    """The readable text of a Markdown body, on one line."""
    text = markdown
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


def _matches(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the terms in the text, longest term first at each place."""
    if not terms:
        return []
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _best_start(spans: list[tuple[int, int]], length: int, text_length: int) -> int:
    """Window start covering the most matches, preferring the earliest."""
    best_start, best_count = 0, -1
    for start, _ in spans[:50]:
        window_start = max(0, min(start - _LEAD, text_length - length))
        count = sum(1 for s, e in spans if s >= window_start and e <= window_start + length)
        if count > best_count:
            best_start, best_count = window_start, count
    return best_start


def highlight(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> str:
    """A window of ``text`` around the terms, HTML-escaped, matches wrapped in <mark>."""
    spans = _matches(text, terms)
    start = _best_start(spans, length, len(text)) if spans else 0
    end = min(len(text), start + length)
    pieces: list[str] = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces)
