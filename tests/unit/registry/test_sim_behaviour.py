"""The simulator's data and behaviour (pure part of ``doorstep registry-sim``)."""

from __future__ import annotations

import json
from pathlib import Path

from backend.registry.contract import parse_answer
from backend.registry.sim.behaviour import load
from backend.registry.sources import Source

DEMO_DATA = Path(__file__).resolve().parents[3] / "backend" / "demo" / "registry_data.json"


def request(id_number: str, name: str) -> dict[str, object]:
    return {"requestId": "r1", "subject": {"idNumber": id_number, "name": name}}


def test_answers_by_id_number_and_name_in_the_contract() -> None:
    registry = load(DEMO_DATA)
    body = registry.answer(Source.REAL_ESTATE, request("520201199003120025", "赵敏"), "t")
    assert body is not None
    assert parse_answer(Source.REAL_ESTATE, body, "r1").found
    wrong_name = registry.answer(Source.REAL_ESTATE, request("520201199003120025", "赵"), "t")
    assert wrong_name is not None
    assert wrong_name["found"] is False
    assert registry.answer(Source.REAL_ESTATE, {"subject": "x"}, "t") is None


def test_outages_faults_and_reset(tmp_path: Path) -> None:
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"people": [], "outages": {"CREDIT": 10}, "latencyMs": 5}))
    registry = load(data, seed=1, now=100.0)
    behaviour = registry.behaviour
    assert behaviour.is_down(Source.CREDIT, 105.0)
    assert not behaviour.is_down(Source.CREDIT, 111.0)
    assert not behaviour.is_down(Source.MARRIAGE, 105.0)
    behaviour.configure({"faults": {"*": "malformed"}, "outages": {"*": 5}}, 200.0)
    assert behaviour.fault_for(Source.MARRIAGE) == "malformed"
    assert behaviour.is_down(Source.MARRIAGE, 201.0)
    behaviour.configure({"reset": True}, 300.0)
    assert behaviour.snapshot(300.0) == {
        "latencyMs": 0, "errorRate": 0.0, "outages": {}, "faults": {}, "calls": {}}


def test_error_rate_is_reproducible_with_a_seed() -> None:
    first, second = load(None, seed=7), load(None, seed=7)
    for registry in (first, second):
        registry.behaviour.configure({"errorRate": 0.5}, 0.0)
    assert [first.fails_randomly() for _ in range(20)] == [
        second.fails_randomly() for _ in range(20)]
