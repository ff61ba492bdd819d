import json
from pathlib import Path

from backend.knowledge.query_plan import QueryPlan, fts5_expression, plan_query, tsquery_words
from backend.knowledge.synonyms import SYNONYM_GROUPS, as_json, synonyms_of

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_a_word_expands_to_its_group_with_itself_first() -> None:
    assert synonyms_of("公积金") == ("公积金", "住房公积金")
    assert synonyms_of("离退休") == ("离退休", "退休", "离休")


def test_a_word_without_synonyms_stands_alone() -> None:
    assert synonyms_of("材料") == ("材料",)


def test_no_word_belongs_to_two_groups() -> None:
    words = [word for group in SYNONYM_GROUPS for word in group]
    assert len(words) == len(set(words))


def test_query_plan_needs_every_topic_and_accepts_any_synonym() -> None:
    plan = plan_query("租房提取公积金")
    assert plan.groups[0] == (("租房",), ("租赁",), ("租住",), ("房租",))
    assert ("住房公积金",) in plan.groups[2]
    assert len(plan.groups) == 3


def test_compound_query_word_may_match_as_its_inner_words() -> None:
    plan = plan_query("公积金贷款额度")
    assert plan.groups[1] == (("贷款额度",), ("贷款", "额度"))


def test_looser_plan_accepts_any_group() -> None:
    plan = plan_query("租房 材料").any_group()
    assert len(plan.groups) == 1
    assert ("材料",) in plan.groups[0]
    assert ("租赁",) in plan.groups[0]


def test_fts5_expression_quotes_every_word_so_input_is_never_syntax() -> None:
    plan = QueryPlan(groups=((('a"b',), ("or",)), (("c", "d"),)))
    assert fts5_expression(plan) == '(("a""b") OR ("or")) AND (("c" AND "d"))'


def test_tsquery_binds_words_as_parameters() -> None:
    expression, words = tsquery_words(plan_query("材料"))
    assert expression == "((plainto_tsquery('simple', {})))"
    assert words == ["材料"]


def test_the_pwa_copy_of_the_terms_is_current() -> None:
    copy = REPO_ROOT / "pwa" / "src" / "knowledge" / "terms.json"
    assert json.loads(copy.read_text(encoding="utf-8")) == json.loads(as_json()), (
        "regenerate: .venv/bin/python -m backend.knowledge.synonyms > pwa/src/knowledge/terms.json"
    )
