"""Pure rule: the passage of a cited article version the member is shown with the answer.

The article body is cut into paragraphs (Markdown blocks); the paragraph sharing the most
character bigrams with the question (and the answer) is the cited passage, clipped.
"""

from __future__ import annotations

import re

from backend.consultation.similarity import bigrams, normalise
from backend.knowledge.snippets import plain_text

PASSAGE_LIMIT = 300


def paragraphs(markdown: str) -> list[str]:
    blocks = [plain_text(block) for block in re.split(r"\n\s*\n", markdown)]
    return [block for block in blocks if block and not re.fullmatch(r"[#\s]*", block)]


def cited_passage(markdown: str, question: str, answer: str = "") -> str:
    blocks = paragraphs(markdown)
    if not blocks:
        return ""
    wanted = bigrams(normalise(question)) | bigrams(normalise(answer))
    best = max(blocks, key=lambda block: len(bigrams(normalise(block)) & wanted))
    return best if len(best) <= PASSAGE_LIMIT else best[: PASSAGE_LIMIT - 1] + "…"
