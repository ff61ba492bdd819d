"""Scoring one drill attempt against its answer key (pure).

Each expected field is worth 1 point (the value typed must equal the key's after
normalising width, spaces and letter case); each expected flag 1 point when raised; the
decision 2 points. A flag raised that the key does not hold costs 1 point (never below
zero for the flags part). Everything not earned is listed as missed, with the rule that
explains it and the knowledge article (by slug; the service resolves it to an id).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from backend.training.models import AnswerKey, Missed, Score, TraineeAnswer
from backend.training.topics import (
    DECISION_ARTICLE,
    DECISION_LABELS,
    FIELD_ARTICLES,
    FLAG_ARTICLES,
    FLAG_RULES,
    field_label,
    flag_label,
)
from backend.verification.validators import halfwidth

DECISION_POINTS = 2.0


def normalise(value: Any) -> str:
    """Full-width to half-width, no spaces, upper case: 「５２０２ ０１…x」 == 「520201…X」."""
    if value is None:
        return ""
    return "".join(halfwidth(str(value)).split()).upper()


def _field_missed(key: str, expected: str, given: Any) -> Missed:
    shown = None if given in (None, "") else str(given)
    why = "未填写" if shown is None else "与材料不一致"
    return Missed(
        kind="field", key=key, expected=expected, given=shown,
        explanation=f"{field_label(key)}{why}：应按材料照片填写为「{expected}」",
        article_slug=FIELD_ARTICLES.get(key),
    )


def _flag_missed(code: str) -> Missed:
    rule = FLAG_RULES.get(code, "")
    return Missed(
        kind="flag", key=code, expected=code, given=None,
        explanation=f"未发现风险「{flag_label(code)}」。{rule}".strip(),
        article_slug=FLAG_ARTICLES.get(code),
    )


def _flag_spurious(code: str) -> Missed:
    return Missed(
        kind="flag", key=code, expected=None, given=code,
        explanation=f"本案不存在风险「{flag_label(code)}」，误报会造成不必要的退回。",
        article_slug=FLAG_ARTICLES.get(code),
    )


def _decision_missed(key: AnswerKey, answer: TraineeAnswer) -> Missed:
    expected = DECISION_LABELS.get(key.decision, key.decision)
    given = DECISION_LABELS.get(answer.decision or "", answer.decision)
    if key.decision == "RETURN":
        why = f"应退回：{key.return_reason}" if key.return_reason else "应退回"
    else:
        why = "材料齐全、信息一致、无风险，应审核通过"
    return Missed(
        kind="decision", key="decision", expected=expected, given=given,
        explanation=why, article_slug=DECISION_ARTICLE,
    )


def score_attempt(key: AnswerKey, fields: Mapping[str, Any], answer: TraineeAnswer) -> Score:
    """``fields``: the practice case's fields as the trainee left them."""
    missed: list[Missed] = []
    field_points = 0.0
    for name, expected in key.fields.items():
        if normalise(fields.get(name)) == normalise(expected):
            field_points += 1
        else:
            missed.append(_field_missed(name, expected, fields.get(name)))
    expected_flags = set(key.flags)
    given_flags = set(answer.flags)
    found = expected_flags & given_flags
    missed += [_flag_missed(code) for code in sorted(expected_flags - given_flags)]
    spurious = sorted(given_flags - expected_flags)
    missed += [_flag_spurious(code) for code in spurious]
    flag_points = max(0.0, float(len(found) - len(spurious)))
    decision_points = DECISION_POINTS if answer.decision == key.decision else 0.0
    if not decision_points:
        missed.append(_decision_missed(key, answer))
    max_score = len(key.fields) + len(expected_flags) + DECISION_POINTS
    return Score(
        score=field_points + flag_points + decision_points,
        max_score=float(max_score),
        missed=tuple(missed),
    )
