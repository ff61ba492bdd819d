"""Synonym groups and query stop words, shared by the server and the PWA's offline index.

The PWA keeps a generated copy (pwa/src/knowledge/terms.json); regenerate it with
``python -m backend.knowledge.synonyms > pwa/src/knowledge/terms.json`` (a test fails when
the copy drifts).
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache

# Each group lists wordings people use for the same thing; a query word in a group matches
# any word of the group. Keep words that are real alternatives, not merely related topics.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("住房公积金", "公积金"),
    ("租房", "租赁", "租住", "房租"),
    ("退休", "离退休", "离休"),
    ("提取", "支取", "取出"),
    ("贷款", "借款"),
    ("销户", "销户提取", "注销账户"),
    ("购房", "买房", "购买住房"),
    ("建造", "自建", "建房"),
    ("翻建", "翻修"),
    ("大病", "重大疾病", "重病"),
    ("医疗", "看病", "治疗"),
    ("死亡", "去世", "身故"),
    ("出境定居", "移民", "出国定居"),
    ("户口迁出", "迁出户口", "户籍迁出"),
    ("缴存", "缴纳", "缴交"),
    ("转移", "转出", "转入", "转移接续"),
    ("身份证", "居民身份证"),
    ("代理人", "代办人", "受托人"),
    ("上门", "入户", "外勤"),
    ("还贷", "偿还贷款", "还款"),
    ("丧失劳动能力", "失去劳动能力", "劳动能力丧失"),
    ("开户", "缴存登记", "账户设立"),
)

# Question words that carry no topic: dropped from a query unless nothing else is left.
STOP_WORDS: frozenset[str] = frozenset(
    {
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "是",
        "在",
        "和",
        "与",
        "及",
        "或",
        "我",
        "我们",
        "你",
        "您",
        "他",
        "她",
        "要",
        "想",
        "能",
        "能否",
        "可以",
        "可否",
        "怎么",
        "怎样",
        "如何",
        "怎么办",
        "什么",
        "哪些",
        "哪里",
        "哪个",
        "多少",
        "需要",
        "请问",
        "一下",
        "有",
        "有没有",
        "办理",
        "办",
        "该",
        "应该",
        "时候",
    }
)


@lru_cache(maxsize=1)
def _lookup() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for group in SYNONYM_GROUPS:
        for word in group:
            table[word] = group
    return table


def synonyms_of(word: str) -> tuple[str, ...]:
    """The word first, then the other words of its group (just the word if it has none)."""
    group = _lookup().get(word)
    if group is None:
        return (word,)
    return (word, *(other for other in group if other != word))


def has_synonyms(word: str) -> bool:
    return word in _lookup()


def all_terms() -> list[str]:
    """Every word of every group (jieba must keep each of them whole)."""
    return [word for group in SYNONYM_GROUPS for word in group]


def as_json() -> str:
    """The shape the PWA reads: {"synonyms": [[...], ...], "stopWords": [...]}."""
    data = {"synonyms": [list(group) for group in SYNONYM_GROUPS], "stopWords": sorted(STOP_WORDS)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(as_json())
