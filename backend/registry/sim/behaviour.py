"""The simulator's data and behaviour (pure): who is in which registry, latency, error rate,
outages and injected faults. The HTTP side is ``sim.app``."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.registry.contract import CONTRACT_VERSION
from backend.registry.sources import Source

FAULTS = frozenset({"http_500", "malformed", "timeout"})


@dataclass(slots=True)
class Behaviour:
    """Mutable at run time through ``POST /_sim/config`` (tests, a centre's rehearsal)."""

    latency_ms: int = 0
    error_rate: float = 0.0  # share of answers that are 503
    outages: dict[str, float] = field(default_factory=dict)  # source → until (monotonic s)
    faults: dict[str, str] = field(default_factory=dict)  # source or "*" → a FAULTS value
    calls: dict[str, int] = field(default_factory=dict)

    def fault_for(self, source: Source) -> str | None:
        return self.faults.get(str(source)) or self.faults.get("*")

    def is_down(self, source: Source, now: float) -> bool:
        until = self.outages.get(str(source), self.outages.get("*"))
        return until is not None and now < until

    def configure(self, change: dict[str, Any], now: float) -> None:
        if change.get("reset"):  # back to a healthy registry, calls counted from zero
            self.latency_ms, self.error_rate = 0, 0.0
            self.outages.clear()
            self.faults.clear()
            self.calls.clear()
        if "latencyMs" in change:
            self.latency_ms = max(0, int(change["latencyMs"]))
        if "errorRate" in change:
            self.error_rate = min(1.0, max(0.0, float(change["errorRate"])))
        if "outages" in change:  # {"CREDIT": 30} seconds from now; null or 0 ends it
            for name, seconds in (change["outages"] or {}).items():
                if seconds:
                    self.outages[name] = now + float(seconds)
                else:
                    self.outages.pop(name, None)
        if "faults" in change:  # {"CREDIT": "malformed"}; null ends it
            for name, fault in (change["faults"] or {}).items():
                if fault in FAULTS:
                    self.faults[name] = fault
                else:
                    self.faults.pop(name, None)

    def snapshot(self, now: float) -> dict[str, Any]:
        return {
            "latencyMs": self.latency_ms,
            "errorRate": self.error_rate,
            "outages": {k: round(v - now, 1) for k, v in self.outages.items() if v > now},
            "faults": dict(self.faults),
            "calls": dict(self.calls),
        }


@dataclass(frozen=True, slots=True)
class Person:
    id_number: str
    name: str
    entries: dict[str, list[dict[str, Any]]]


@dataclass(slots=True)
class Registry:
    people: dict[str, Person]
    behaviour: Behaviour
    rng: random.Random

    def answer(self, source: Source, body: Any, queried_at: str) -> dict[str, Any] | None:
        """The contract's 200 answer; None when the request does not fit the contract."""
        if not isinstance(body, dict) or not isinstance(body.get("subject"), dict):
            return None
        subject = body["subject"]
        id_number = str(subject.get("idNumber") or "").upper()
        name = str(subject.get("name") or "").strip()
        if not id_number or not name or not isinstance(body.get("requestId"), str):
            return None
        person = self.people.get(id_number)
        records = person.entries.get(str(source), []) if person and person.name == name else []
        return {
            "contractVersion": CONTRACT_VERSION,
            "requestId": body["requestId"],
            "source": str(source),
            "found": bool(records),
            "records": records,
            "queriedAt": queried_at,
        }

    def fails_randomly(self) -> bool:
        return self.behaviour.error_rate > 0 and self.rng.random() < self.behaviour.error_rate


def load(path: Path | None, seed: int | None = None, now: float = 0.0) -> Registry:
    """The data file: ``{"people": [{"idNumber", "name", "REAL_ESTATE": [...], ...}],
    "latencyMs", "errorRate", "outages": {"CREDIT": seconds}}`` (docs/registry-contract.md);
    ``now`` is the clock outages count from (``time.monotonic()``)."""
    data: dict[str, Any] = json.loads(path.read_text("utf-8")) if path else {}
    people = {}
    for item in data.get("people", []):
        entries = {str(s): list(item.get(str(s), [])) for s in Source}
        people[str(item["idNumber"]).upper()] = Person(
            str(item["idNumber"]).upper(), str(item["name"]), entries
        )
    behaviour = Behaviour()
    behaviour.configure(
        {k: data[k] for k in ("latencyMs", "errorRate", "outages", "faults") if k in data}, now
    )
    return Registry(people, behaviour, random.Random(seed))  # noqa: S311  (a simulation)
