from backend.knowledge.segmentation import index_tokens, inner_words, query_words


def test_compound_words_are_indexed_with_their_inner_words() -> None:
    tokens = index_tokens("住房公积金提取")
    assert {"住房公积金", "公积金", "住房", "提取"} <= set(tokens)


def test_domain_words_stay_whole_in_a_query() -> None:
    assert query_words("离退休销户提取") == ["离退休", "销户提取"]


def test_question_words_are_dropped_from_a_query() -> None:
    assert query_words("租房怎么提取公积金？需要什么材料") == ["租房", "提取", "公积金", "材料"]


def test_a_query_of_only_question_words_keeps_them() -> None:
    assert query_words("怎么办") == ["怎么办"]


def test_punctuation_and_case_are_ignored() -> None:
    assert index_tokens("ABC，12329！") == ["abc", "12329"]


def test_inner_words_of_a_compound() -> None:
    assert inner_words("住房公积金") == ["住房", "公积金"]
    assert inner_words("贷款额度") == ["贷款", "额度"]
    assert inner_words("租房") == []


def test_lone_characters_are_dropped_when_longer_words_remain() -> None:
    assert query_words("退休了怎么取公积金") == ["退休", "公积金"]
    assert query_words("房") == ["房"]
