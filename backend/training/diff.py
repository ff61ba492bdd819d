"""What changed between two versions of an article (pure): a line diff with the changed
words of each replaced line marked, for the must-know inbox and the policy check page."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DiffLine:
    op: str  # equal | insert | delete
    text: str


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """Lines of ``new`` against ``old``: unchanged, added, removed (old's before new's)."""
    a, b = old.splitlines(), new.splitlines()
    out: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [DiffLine("equal", line) for line in a[i1:i2]]
            continue
        out += [DiffLine("delete", line) for line in a[i1:i2]]
        out += [DiffLine("insert", line) for line in b[j1:j2]]
    return out


def changed_only(lines: list[DiffLine]) -> list[DiffLine]:
    return [line for line in lines if line.op != "equal"]


def summary(lines: list[DiffLine], limit: int = 6) -> str:
    """A few changed lines as text for an inbox entry: 「新增：…」「删除：…」."""
    marks = {"insert": "新增", "delete": "删除"}
    changed = [f"{marks[line.op]}：{line.text.strip()}" for line in changed_only(lines)
               if line.text.strip()]
    more = f"（另有 {len(changed) - limit} 处变化）" if len(changed) > limit else ""
    return "\n".join(changed[:limit]) + more


def grade(questions: list[dict[str, object]], answers: object) -> bool:
    """All questions answered right (``answers``: list of the chosen option per question,
    or a mapping of question index → option). No questions: passed."""
    if not questions:
        return True
    if isinstance(answers, dict):
        given = [answers.get(str(i), answers.get(i)) for i in range(len(questions))]
    elif isinstance(answers, list):
        given = list(answers) + [None] * (len(questions) - len(answers))
    else:
        return False
    return all(str(q.get("answer")) == str(g) for q, g in zip(questions, given, strict=False))
