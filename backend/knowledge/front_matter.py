"""Reads the seed articles: Markdown files that start with a small front-matter block.

    ---
    slug: withdrawal-07-rent
    title: 租房提取住房公积金
    category: 提取
    tags: ["租房", "提取"]
    policy_refs: ["《住房公积金管理条例》第二十四条"]
    effective_date: 2026-01-01
    ---
    Markdown body…

Values are strings, except those starting with ``[`` which are JSON lists.
"""

from __future__ import annotations

import json
from pathlib import Path

from backend.errors import ConfigurationError

SEED_DIRECTORY = Path(__file__).parent / "seed_articles"


def parse(text: str, source: str = "<text>") -> tuple[dict[str, str | list[str]], str]:
    """(front-matter fields, Markdown body)."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ConfigurationError(f"{source}: 缺少开头的 --- (front matter)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ConfigurationError(f"{source}: front matter 没有结束的 ---") from None
    fields: dict[str, str | list[str]] = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        key, separator, value = line.partition(":")
        if not separator:
            raise ConfigurationError(f"{source}: 无法理解的一行：{line}")
        value = value.strip()
        if value.startswith("["):
            items = json.loads(value)
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ConfigurationError(f"{source}: {key} 应为字符串列表")
            fields[key.strip()] = items
        else:
            fields[key.strip()] = value
    return fields, "\n".join(lines[end + 1 :]).strip() + "\n"


def seed_files(directory: Path = SEED_DIRECTORY) -> list[Path]:
    return sorted(directory.glob("*.md"))
