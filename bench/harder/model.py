"""The page model of a generated document: label/value pairs and the text around them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Pair:
    labels: Sequence[str]  # wordings to choose from
    value: str
    wide: bool = False  # needs a whole row (addresses, names of organisations)


@dataclass
class Doc:
    doc_type: str
    title: str
    fields: dict[str, Any]
    pairs: list[Pair]
    head: list[str] = field(default_factory=list)  # lines under the title
    body: list[str] = field(default_factory=list)  # paragraphs after the pairs
    foot: list[str] = field(default_factory=list)  # right-aligned lines at the bottom
    table: tuple[list[str], list[list[str]]] | None = None
    rows: list[dict[str, Any]] | None = None
    landscape: bool = False
    fixed_order: bool = False
