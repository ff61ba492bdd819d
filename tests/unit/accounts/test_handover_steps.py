from __future__ import annotations

import pytest

from backend.accounts import handover
from backend.accounts.handover import HandoverContext, handover_step, handover_steps


async def _moves_nothing(context: HandoverContext) -> int:
    return 0


def test_a_registered_step_is_listed_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handover, "_steps", {})
    monkeypatch.setattr(handover, "HANDOVER_MODULES", [])  # the domains' own steps aside
    handover_step("things")(_moves_nothing)
    assert handover_steps() == {"things": _moves_nothing}


def test_two_different_steps_under_one_name_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    async def other(context: HandoverContext) -> int:
        return 1

    monkeypatch.setattr(handover, "_steps", {})
    handover_step("things")(_moves_nothing)
    handover_step("things")(_moves_nothing)  # the same function again (a re-import) is fine
    with pytest.raises(ValueError, match="registered twice"):
        handover_step("things")(other)
