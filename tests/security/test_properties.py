"""Hypothesis properties of the pure rules hostile or broken input reaches: ID and code
validators, amount parsing, and the field merge of concurrent edits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.cases.merge import MAX_CONFLICTS_KEPT, Editor, merge_fields
from backend.verification.amounts import (
    parse_figure_amount,
    parse_upper_amount,
    to_upper_amount,
    upper_matches_figures,
)
from backend.verification.validators import (
    USCC_ALPHABET,
    check_id_number,
    id_check_character,
    is_valid_id_number,
    is_valid_uscc,
    uscc_check_character,
)

ANY_TEXT = st.text(max_size=40)
REGION = st.from_regex(r"[1-6][0-9]{5}", fullmatch=True)
BIRTH = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31))
SEQUENCE = st.from_regex(r"[0-9]{3}", fullmatch=True)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    first17 = draw(REGION) + draw(BIRTH).strftime("%Y%m%d") + draw(SEQUENCE)
    return first17 + id_check_character(first17)


# --- validators -----------------------------------------------------------------------


@given(ANY_TEXT)
def test_validators_answer_any_text_without_raising(text: str) -> None:
    assert isinstance(check_id_number(text).valid, bool)
    assert isinstance(is_valid_uscc(text), bool)


@given(id_numbers())
def test_every_well_formed_id_number_is_valid_and_gives_its_birth_date(number: str) -> None:
    check = check_id_number(number)
    assert check.valid
    assert check.birth_date == dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert check.sex == ("男" if int(number[16]) % 2 else "女")


@given(id_numbers(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_changing_one_character_of_an_id_number_is_caught(
    number: str, position: int, replacement: str
) -> None:
    changed = number[:position] + replacement + number[position + 1 :]
    if changed != number and (position == 17 or replacement != "X"):
        # MOD 11-2 detects every single substitution (a changed date may also be invalid).
        assert not is_valid_id_number(changed)


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17))
def test_a_uscc_with_its_check_character_is_valid(first17: str) -> None:
    assert is_valid_uscc(first17 + uscc_check_character(first17))


# --- amounts --------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999999.99"),
                      places=2, allow_nan=False, allow_infinity=False)


@given(AMOUNTS)
def test_chinese_upper_amounts_read_back_to_the_same_figure(amount: Decimal) -> None:
    upper = to_upper_amount(amount)
    assert parse_upper_amount(upper) == amount
    assert upper_matches_figures(upper, amount) is True


@given(AMOUNTS, AMOUNTS)
def test_different_figures_never_match_the_upper_text(amount: Decimal, other: Decimal) -> None:
    if amount != other:
        assert upper_matches_figures(to_upper_amount(amount), other) is False


@given(AMOUNTS)
def test_figures_with_thousands_separators_and_units_parse(amount: Decimal) -> None:
    assert parse_figure_amount(f"人民币{amount:,.2f}元") == amount
    assert parse_figure_amount(f"¥ {amount:.2f}") == amount


@given(ANY_TEXT)
def test_amount_parsers_answer_any_text_without_raising(text: str) -> None:
    upper = parse_upper_amount(text)
    figure = parse_figure_amount(text)
    assert upper is None or isinstance(upper, Decimal)
    assert figure is None or isinstance(figure, Decimal)


# --- conflict merge -------------------------------------------------------------------

KEYS = st.sampled_from(["name", "phone", "amount", "note", "address"])
VALUES = st.one_of(st.none(), st.text(max_size=8))
EDITS = st.dictionaries(KEYS, VALUES, max_size=5)
CLIENTS = st.sampled_from(["tablet-a", "tablet-b", "web"])


def _apply(edits: list[tuple[str, dict[str, Any]]]) -> tuple[dict[str, Any], Any]:
    fields: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    version = 1
    for client, edit in edits:
        result = merge_fields(fields, meta, conflicts, edit, new_version=version + 1,
                              editor=Editor(client, client, "2026-01-01T00:00:00"))
        fields, meta, conflicts = result.fields, result.field_meta, result.conflicts
        version += 1 if result.changed else 0
    return fields, conflicts


@settings(max_examples=200)
@given(st.lists(st.tuples(CLIENTS, EDITS), max_size=12))
def test_the_last_push_wins_field_by_field(edits: list[tuple[str, dict[str, Any]]]) -> None:
    fields, conflicts = _apply(edits)
    expected: dict[str, Any] = {}
    for _, edit in edits:
        for key, value in edit.items():
            if value is None:
                expected.pop(key, None)
            else:
                expected[key] = value
    assert fields == expected
    assert len(conflicts) <= MAX_CONFLICTS_KEPT


@given(st.lists(st.tuples(CLIENTS, EDITS), max_size=12))
def test_nothing_is_lost_silently(edits: list[tuple[str, dict[str, Any]]]) -> None:
    """Every value overwritten by another client is kept as a conflict naming both."""
    _, conflicts = _apply(edits)
    for conflict in conflicts:
        assert conflict["value"] != conflict["overwritten"]
        assert conflict["overwritten"] is not None
        assert conflict["clientId"] != conflict["overwrittenClientId"]


@given(EDITS, CLIENTS)
def test_an_edit_applied_twice_changes_nothing_the_second_time(
    edit: dict[str, Any], client: str
) -> None:
    editor = Editor(client, client, "2026-01-01T00:00:00")
    once = merge_fields({}, {}, [], edit, new_version=2, editor=editor)
    twice = merge_fields(once.fields, once.field_meta, once.conflicts, edit, new_version=3,
                         editor=editor)
    assert twice.changed == []
    assert twice.fields == once.fields
