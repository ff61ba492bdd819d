"""The changes of an article version against the previous one, and grading answers (pure)."""

from __future__ import annotations

from backend.training.diff import changed_only, diff_lines, grade, summary

OLD = "# 租房提取\n每年可提取一次。\n限额 12000 元。\n需要无房证明。"
NEW = "# 租房提取\n每年可提取两次。\n限额 12000 元。\n需要无房证明。\n须本人办理。"


def test_changed_lines_are_marked_removed_then_added_and_the_rest_kept() -> None:
    lines = diff_lines(OLD, NEW)
    assert [(line.op, line.text) for line in changed_only(lines)] == [
        ("delete", "每年可提取一次。"),
        ("insert", "每年可提取两次。"),
        ("insert", "须本人办理。"),
    ]
    assert [line.text for line in lines if line.op == "equal"] == [
        "# 租房提取", "限额 12000 元。", "需要无房证明。"]


def test_a_first_version_is_all_new_and_the_same_text_has_no_changes() -> None:
    assert {line.op for line in diff_lines("", NEW)} == {"insert"}
    assert changed_only(diff_lines(NEW, NEW)) == []


def test_the_inbox_summary_names_additions_and_removals_and_counts_the_rest() -> None:
    text = summary(diff_lines(OLD, NEW))
    assert text.splitlines() == [
        "删除：每年可提取一次。", "新增：每年可提取两次。", "新增：须本人办理。"]
    many = summary(diff_lines("", "\n".join(f"第{i}条" for i in range(10))), limit=3)
    assert many.endswith("（另有 7 处变化）")


def test_grading_answers_by_list_or_by_index() -> None:
    questions = [{"question": "每年几次？", "options": ["一", "两"], "answer": "两"},
                 {"question": "限额？", "options": ["12000", "6000"], "answer": "12000"}]
    assert grade(questions, ["两", "12000"])
    assert grade(questions, {"0": "两", "1": "12000"})
    assert not grade(questions, ["一", "12000"])
    assert not grade(questions, ["两"])
    assert not grade(questions, "两")
    assert grade([], None)
