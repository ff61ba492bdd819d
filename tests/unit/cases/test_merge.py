"""Field-by-field merge and conflict records."""

from __future__ import annotations

from backend.cases.merge import MAX_CONFLICTS_KEPT, Editor, merge_fields

PHONE = Editor("staff1", "phone", "2026-01-01T10:00:00+00:00")
TABLET = Editor("staff1", "tablet", "2026-01-01T10:05:00+00:00")


def _written_by_phone(version: int = 2) -> tuple[dict[str, object], dict[str, object]]:
    fields = {"name": "张伟", "phone": "13812345678"}
    meta = {
        "name": {"v": 1, "c": "phone", "u": "staff1"},
        "phone": {"v": version, "c": "phone", "u": "staff1"},
    }
    return fields, meta


def test_only_the_fields_given_change() -> None:
    fields, meta = _written_by_phone()
    result = merge_fields(fields, meta, [], {"amount": "1.00"}, new_version=3, editor=TABLET)
    assert result.fields == {"name": "张伟", "phone": "13812345678", "amount": "1.00"}
    assert result.changed == ["amount"]
    assert result.conflicts == []
    assert result.field_meta["amount"] == {"v": 3, "c": "tablet", "u": "staff1"}


def test_a_field_changed_since_the_base_version_is_a_conflict_and_the_later_push_wins() -> None:
    fields, meta = _written_by_phone(version=2)
    result = merge_fields(
        fields, meta, [], {"phone": "13987654321"}, new_version=3, editor=TABLET, base_version=1
    )
    assert result.fields["phone"] == "13987654321"
    [conflict] = result.conflicts
    assert conflict["field"] == "phone"
    assert conflict["overwritten"] == "13812345678"
    assert conflict["overwrittenClientId"] == "phone"
    assert conflict["clientId"] == "tablet"


def test_an_edit_on_the_latest_version_is_no_conflict() -> None:
    fields, meta = _written_by_phone(version=2)
    result = merge_fields(
        fields, meta, [], {"phone": "13987654321"}, new_version=3, editor=TABLET, base_version=2
    )
    assert result.conflicts == []


def test_without_a_base_version_another_clients_value_counts_as_overwritten() -> None:
    fields, meta = _written_by_phone()
    other = merge_fields(fields, meta, [], {"phone": "13987654321"}, new_version=3, editor=TABLET)
    same = merge_fields(fields, meta, [], {"phone": "13987654321"}, new_version=3, editor=PHONE)
    assert len(other.new_conflicts) == 1
    assert same.new_conflicts == []


def test_setting_the_same_value_changes_nothing() -> None:
    fields, meta = _written_by_phone()
    result = merge_fields(fields, meta, [], {"phone": "13812345678"}, new_version=3, editor=TABLET)
    assert result.changed == []
    assert result.conflicts == []


def test_null_removes_a_field() -> None:
    fields, meta = _written_by_phone()
    result = merge_fields(fields, meta, [], {"phone": None}, new_version=3, editor=PHONE)
    assert "phone" not in result.fields
    assert result.changed == ["phone"]


def test_conflict_records_are_bounded_newest_kept() -> None:
    fields, meta = _written_by_phone()
    old = [{"field": "phone", "n": n} for n in range(MAX_CONFLICTS_KEPT)]
    result = merge_fields(fields, meta, old, {"phone": "13987654321"}, new_version=3, editor=TABLET)
    assert len(result.conflicts) == MAX_CONFLICTS_KEPT
    assert result.conflicts[-1]["value"] == "13987654321"
    assert result.conflicts[0]["n"] == 1
