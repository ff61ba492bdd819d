"""Chinese word segmentation (jieba) for indexing and for queries.

Documents are cut in search mode, which also emits the shorter words inside long ones
(住房公积金 → 住房, 公积金, 住房公积金), so a query word matches inside a compound. Queries are
cut in precise mode and lose their question words (怎么, 需要…).
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from functools import lru_cache
from typing import Any

from backend.knowledge.synonyms import STOP_WORDS, all_terms

# jieba 0.42 has invalid escape sequences that newer Pythons warn about when compiling it.
# Imported here, in the importing thread: catching warnings is not thread-safe.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    import jieba

jieba.setLogLevel(logging.WARNING)

# Words jieba's general dictionary splits or misses; they must stay whole in both the index
# and the query so that synonyms and titles line up.
DOMAIN_WORDS: tuple[str, ...] = (
    "住房公积金", "公积金", "缴存基数", "缴存比例", "汇缴", "补缴", "销户", "销户提取",
    "部分提取", "提取", "离退休", "无房证明", "不动产登记", "借款合同", "还款明细",
    "上门核查", "上门服务", "代理人", "受托银行", "统一社会信用代码", "婚姻状况",
    "大病医疗", "翻建", "大修", "出境定居", "户口迁出", "丧失劳动能力", "12329",
    "异地转移", "转移接续", "等额本息", "等额本金", "下次可提取日期", "贷款额度",
)

_HAS_WORD_CHARACTER = re.compile(r"\w")
_loading = threading.Lock()  # the start-up warm-up and a first search may race
_loaded: list[Any] = []


def _tokenizer() -> Any:
    if _loaded:
        return _loaded[0]
    with _loading:
        if not _loaded:
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in (*DOMAIN_WORDS, *all_terms()):
                tokenizer.add_word(word, freq=50_000)
            _loaded.append(tokenizer)
    return _loaded[0]


def warm_up() -> None:
    """Loads the dictionary now (about a second) instead of at the first search."""
    _tokenizer()


def _words(tokens: list[str]) -> list[str]:
    return [t.lower() for t in (token.strip() for token in tokens) if _HAS_WORD_CHARACTER.search(t)]


def index_tokens(text: str) -> list[str]:
    """Every word of the text in search mode, lower-cased, punctuation dropped."""
    return _words(_tokenizer().lcut_for_search(text))


@lru_cache(maxsize=512)  # the shipped articles are loaded again and again in tests and demos
def index_text(text: str) -> str:
    """The text as space-separated words, the form stored in the full-text index."""
    return " ".join(index_tokens(text))


def query_words(query: str) -> list[str]:
    """The topic words of a query, in order, without repeats, question words or lone
    characters."""
    words = list(dict.fromkeys(_words(_tokenizer().lcut(query))))
    topical = [word for word in words if word not in STOP_WORDS]
    # A lone Chinese character left over (取, 房) matches too much or too little; it only
    # counts when the question has nothing longer.
    longer = [word for word in topical if len(word) > 1 or word.isascii()]
    return longer or topical or words


def inner_words(word: str) -> list[str]:
    """The fewest shorter dictionary words that spell ``word`` end to end (住房公积金 →
    住房, 公积金), or nothing when it cannot be spelt that way."""
    pieces = {p for p in _words(_tokenizer().lcut_for_search(word)) if p != word}
    # best[i]: the shortest list of pieces spelling word[:i]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            prefix = best[start]
            piece = word[start:end]
            if prefix is not None and piece in pieces:
                candidate = [*prefix, piece]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[len(word)] or []
