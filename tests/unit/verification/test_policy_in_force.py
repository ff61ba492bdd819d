"""The policy in force on a date, built from versioned rows (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.verification.policy import PolicyEntry, build_policy, default_policy
from backend.verification.policy_keys import ASSUMED, KEY_SPECS, parse_value

JUNE = date(2026, 6, 1)


def row(key: str, value: object, effective: date, written: int = 0) -> PolicyEntry:
    return PolicyEntry(
        key, value, effective, "测试", "admin", datetime(2026, 1, 1, 0, written, tzinfo=UTC)
    )


def test_a_value_applies_from_its_effective_date_not_before() -> None:
    rows = [
        row("recent_divorce_days", 365, date(2000, 1, 1)),
        row("recent_divorce_days", 730, JUNE),
    ]
    assert build_policy(date(2026, 5, 31), rows).recent_divorce_days == 365
    assert build_policy(JUNE, rows).recent_divorce_days == 730
    assert build_policy(date(2026, 6, 2), rows).recent_divorce_days == 730


def test_a_later_row_for_the_same_date_supersedes_the_earlier() -> None:
    rows = [
        row("property_reuse_months", 12, JUNE, written=1),
        row("property_reuse_months", 24, JUNE, written=2),
    ]
    assert build_policy(JUNE, rows).property_reuse_months == 24
    assert build_policy(JUNE, list(reversed(rows))).property_reuse_months == 24


def test_a_future_row_does_not_apply_yet() -> None:
    rows = [row("deposit_ratio.max_percent", "15.00", date(2027, 1, 1))]
    policy = build_policy(JUNE, rows)
    assert policy.deposit_ratio_max == Decimal("12.00")
    assert not policy.entry("deposit_ratio.max_percent").from_table


def test_keys_without_a_row_fall_back_to_their_default_marked_as_such() -> None:
    policy = default_policy(JUNE)
    entry = policy.entry("certificate_validity_days.no_housing_certificate")
    assert entry.effective_from is None
    assert entry.source.startswith("内置默认值")
    assert policy.certificate_validity_days["no_housing_certificate"] == 30


def test_defaults_cover_every_reason_and_business() -> None:
    policy = default_policy(JUNE)
    assert policy.materials["withdrawal.06"] == (
        "id_card",
        "loan_contract",
        "repayment_statement",
        "marital_status_certificate",
    )
    assert policy.materials["withdrawal.07"] == (
        "id_card",
        "rental_contract",
        "no_housing_certificate",
        "marital_status_certificate",
    )
    assert policy.materials["withdrawal.03"] == ("id_card",)
    assert set(policy.materials["unit_registration"]) == {
        "business_licence",
        "id_card",
        "unit_registration_form",
    }
    assert policy.required_fields["withdrawal.proxy"] == ("proxy_name", "proxy_id_number")
    assert policy.amount_cap["06"] is None
    assert policy.no_property_reasons == frozenset({"07"})


def test_every_default_names_its_source_and_assumptions_say_so() -> None:
    assert all(spec.source for spec in KEY_SPECS.values())
    assert ASSUMED in KEY_SPECS["recent_divorce_days"].source
    assert ASSUMED not in KEY_SPECS["property_reuse_months"].source  # a published rule


def test_rows_of_unknown_keys_are_ignored() -> None:
    policy = build_policy(JUNE, [row("retired.key", 1, date(2000, 1, 1))])
    assert all(entry.key != "retired.key" for entry in policy.entries)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("materials.withdrawal.06", ["id_card", "passport"]),
        ("materials.withdrawal.06", "id_card"),
        ("recent_divorce_days", -1),
        ("recent_divorce_days", True),
        ("recent_divorce_days", "365"),
        ("deposit_ratio.min_percent", "five"),
        ("deposit_ratio.min_percent", "-1"),
        ("amount_cap.07", "NaN"),
        ("no_property_reasons", ["7"]),
    ],
)
def test_invalid_values_are_refused_with_a_coded_error(key: str, value: object) -> None:
    with pytest.raises(DoorstepError) as raised:
        parse_value(key, value)
    assert raised.value.code == ErrorCode.VALIDATION_FAILED


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(DoorstepError) as raised:
        parse_value("no.such.key", 1)
    assert raised.value.code == ErrorCode.UNKNOWN_FIELD


def test_a_cap_may_be_removed_with_null() -> None:
    assert parse_value("amount_cap.07", None) is None
    rows = [row("amount_cap.07", None, JUNE)]
    assert build_policy(JUNE, rows).amount_cap["07"] is None
