"""Which knowledge-base article lists the materials to bring for a visit's business (pure).

The device shows that article's 「材料」 section from its synced copy of the knowledge base,
so the list is there offline and follows the article's published version.
"""

from __future__ import annotations

MATERIALS_ARTICLE = {
    "unit_registration": "deposit-01-unit-registration",
    # home visits are asked for by members who cannot come in (行动不便): incapacity first
    "withdrawal": "withdrawal-04-incapacity",
}


def materials_slug(kind: str) -> str | None:
    return MATERIALS_ARTICLE.get(kind)
