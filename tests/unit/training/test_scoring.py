"""Scoring a drill attempt against its key (pure)."""

from __future__ import annotations

from backend.training.models import AnswerKey, TraineeAnswer
from backend.training.scoring import score_attempt

KEY = AnswerKey(
    fields={"name": "陈磊", "id_number": "52020119900714607X", "amount": "4800.00"},
    flags=("CERTIFICATE_EXPIRED", "ID_MISMATCH"),
    decision="RETURN",
    return_reason="证明已过期；身份信息不一致",
)


def test_a_perfect_attempt_earns_every_point_and_misses_nothing() -> None:
    fields = {"name": "陈磊", "id_number": "52020119900714607x", "amount": "4800.00"}
    answer = TraineeAnswer(("CERTIFICATE_EXPIRED", "ID_MISMATCH"), "RETURN", "过期")
    result = score_attempt(KEY, fields, answer)
    assert (result.score, result.max_score) == (7.0, 7.0)
    assert result.missed == ()


def test_full_width_and_spaces_do_not_count_against_a_value() -> None:
    wide_id = "５２０２０１１９９００７１４６０７Ｘ"
    fields = {"name": " 陈磊 ", "id_number": wide_id, "amount": "4800.00"}
    answer = TraineeAnswer(("CERTIFICATE_EXPIRED", "ID_MISMATCH"), "RETURN")
    assert score_attempt(KEY, fields, answer).score == 7.0


def test_each_wrong_field_missed_flag_and_wrong_decision_is_listed_with_its_reason() -> None:
    fields = {"name": "陈雷", "amount": "4800.00"}
    answer = TraineeAnswer(("CERTIFICATE_EXPIRED",), "APPROVE")
    result = score_attempt(KEY, fields, answer)
    assert result.score == 2.0  # amount + one flag
    missed = {(m.kind, m.key): m for m in result.missed}
    assert set(missed) == {
        ("field", "name"), ("field", "id_number"), ("flag", "ID_MISMATCH"),
        ("decision", "decision"),
    }
    assert (missed[("field", "name")].expected, missed[("field", "name")].given) == ("陈磊", "陈雷")
    assert missed[("field", "id_number")].given is None
    assert "未填写" in missed[("field", "id_number")].explanation
    assert missed[("flag", "ID_MISMATCH")].article_slug == "field-03-identity-check"
    assert "身份信息不一致" in missed[("flag", "ID_MISMATCH")].explanation
    decision = missed[("decision", "decision")]
    assert (decision.expected, decision.given) == ("退回", "通过")
    assert "证明已过期" in decision.explanation


def test_a_flag_the_case_does_not_have_costs_a_point_but_never_below_zero() -> None:
    key = AnswerKey(fields={}, flags=(), decision="APPROVE")
    answer = TraineeAnswer(("AMOUNT_EXCEEDS_LIMIT", "ID_MISMATCH"), "APPROVE")
    result = score_attempt(key, {}, answer)
    assert (result.score, result.max_score) == (2.0, 2.0)
    assert [(m.kind, m.key, m.expected, m.given) for m in result.missed] == [
        ("flag", "AMOUNT_EXCEEDS_LIMIT", None, "AMOUNT_EXCEEDS_LIMIT"),
        ("flag", "ID_MISMATCH", None, "ID_MISMATCH"),
    ]
    both = AnswerKey(fields={}, flags=("ID_MISMATCH",), decision="RETURN")
    result = score_attempt(both, {}, TraineeAnswer(("ID_MISMATCH", "PROPERTY_FOUND"), "RETURN"))
    assert result.score == 2.0  # one found, one false: 0 for flags, 2 for the decision


def test_no_decision_is_a_missed_decision() -> None:
    result = score_attempt(KEY, {}, TraineeAnswer())
    assert result.score == 0.0
    assert result.missed[-1].kind == "decision"
    assert result.missed[-1].given is None
