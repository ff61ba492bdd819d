"""A case's risk level is the highest severity among its flags and checks."""

from __future__ import annotations

from backend.verification.risk import RiskLevel, risk_level


def test_no_flags_is_no_risk() -> None:
    assert risk_level([]) == RiskLevel.NONE


def test_info_flags_do_not_raise_the_level() -> None:
    assert risk_level([{"code": "X", "severity": "info"}]) == RiskLevel.NONE


def test_a_warning_makes_the_case_a_warning() -> None:
    items = [{"severity": "info"}, {"severity": "warning"}]
    assert risk_level(items) == RiskLevel.WARNING


def test_any_error_wins_over_warnings() -> None:
    items = [{"severity": "warning"}, {"severity": "error"}, {"severity": "info"}]
    assert risk_level(items) == RiskLevel.ERROR
