"""Which case edits correct a value read from a document, the rates, the truth export."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from backend.corrections.models import Correction, ReadDocument, correction_id
from backend.corrections.rules import Editor, Plan, correction_rates, plan_corrections, truth_line

CASE = uuid4()
DOC = uuid4()
STAFF = Editor(uuid4(), "staff1", datetime(2026, 12, 6, 10, tzinfo=UTC))
MAP = {"id_card": {"name": "name", "id_number": "id_number", "address": "address"}}
ID_CARD = ReadDocument(DOC, "id_card", {"name": "石英芳", "id_number": "520203197001175843"},
                       {"name": 0.97, "id_number": 0.62},
                       {"missing": [], "quality": {"blurry": False, "glare": False,
                                                   "rotated_degrees": 0}}, "ab" * 32)


def plan(before: dict[str, str], after: dict[str, str],
         existing: dict[UUID, Correction] | None = None) -> Plan:
    changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
    return plan_corrections(case_id=CASE, field_map=MAP, before=before, after=after,
                            changed=changed, readings=[ID_CARD], existing=existing or {},
                            normalise=lambda _k, v: v, threshold=0.9, editor=STAFF)


def test_changing_a_value_filled_from_the_document_is_a_correction() -> None:
    result = plan({"name": "石英芳"}, {"name": "石英芬"})
    (c,) = result.save
    assert (c.doc_type, c.field, c.read_value, c.corrected_value) == (
        "id_card", "name", "石英芳", "石英芬")
    assert c.confidence == 0.97
    assert c.flagged is False  # it was shown as read: an error that got through
    assert c.corrected_by_name == "staff1"
    assert c.id == correction_id(DOC, "name")


def test_a_value_marked_for_checking_is_recorded_as_flagged() -> None:
    (c,) = plan({"id_number": "520203197001175843"},
                {"id_number": "520203197001175851"}).save
    assert c.flagged is True


def test_editing_a_field_that_never_showed_the_value_read_is_not_a_correction() -> None:
    assert plan({"name": "张三"}, {"name": "李四"}).save == []


def test_clearing_a_field_records_nothing_yet() -> None:
    assert plan({"name": "石英芳"}, {}).save == []


def test_a_second_edit_after_a_correction_updates_it_and_putting_the_value_back_withdraws_it(
) -> None:
    first = plan({"name": "石英芳"}, {"name": "石英"}).save[0]
    existing = {first.id: first}
    assert plan({"name": "石英"}, {"name": "石英芬"}, existing).save[0].corrected_value == "石英芬"
    back = plan({"name": "石英芬"}, {"name": "石英芳"}, existing)
    assert back.save == []
    assert back.withdraw == [first.id]


def _correction(field: str, flagged: bool) -> Correction:
    return Correction(DOC, CASE, "id_card", field, field, "a", "b", 0.5, flagged,
                      STAFF.user_id, "staff1", STAFF.at)


def test_rates_per_type_and_field_count_corrections_over_values_read() -> None:
    rows = correction_rates({("id_card", "name"): 4, ("id_card", "sex"): 2},
                            [_correction("name", False)])
    by_field = {r.field: r for r in rows}
    assert by_field["name"].rate == 0.25
    assert by_field["name"].corrected_unflagged == 1
    assert by_field["sex"].rate == 0.0


def test_export_line_is_the_fixtures_truth_format_with_the_correction_applied() -> None:
    c = plan({"name": "石英芳"}, {"name": "石英芬"}).save[0]
    line = truth_line(ID_CARD, [c], "x.jpg")
    assert set(line) >= {"file", "type", "fields", "missing", "quality"}
    assert line["fields"] == {"name": "石英芬", "id_number": "520203197001175843"}
    assert line["quality"] == {"blurry": False, "rotated_degrees": 0, "glare": False}
    assert line["variant"]["corrected"] == ["name"]
