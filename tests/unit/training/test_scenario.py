"""Drill scenarios: what the photos show and the key those values imply (pure)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from backend.training.scenario import RENT_CAP, RISKS, rent_drill, risk_mix

TODAY = dt.date(2026, 12, 6)


def _docs(plan: object) -> dict[str, dict[str, str]]:
    return {d.doc_type: d.values for d in plan.documents}  # type: ignore[attr-defined]


def test_without_risks_the_documents_agree_and_the_key_approves() -> None:
    plan = rent_drill(random.Random(1), (), TODAY)
    docs = _docs(plan)
    assert set(docs) == {"id_card", "marital_status_certificate", "no_housing_certificate",
                         "rental_contract"}
    ids = {docs[t].get("id_number") or docs[t].get("tenant_id_number") for t in docs}
    assert ids == {plan.key.fields["id_number"]}
    assert plan.key.flags == ()
    assert plan.key.decision == "APPROVE"
    assert float(plan.key.fields["amount"]) <= RENT_CAP
    issued = dt.date.fromisoformat(docs["no_housing_certificate"]["issue_date"])
    assert (TODAY - issued).days < 90


@pytest.mark.parametrize("risk", RISKS)
def test_each_planted_risk_shows_in_the_documents_and_the_key(risk: str) -> None:
    plan = rent_drill(random.Random(2), (risk,), TODAY)
    docs = _docs(plan)
    assert plan.key.flags == (risk,)
    assert plan.key.decision == "RETURN"
    assert plan.key.return_reason
    if risk == "CERTIFICATE_EXPIRED":
        issued = dt.date.fromisoformat(docs["no_housing_certificate"]["issue_date"])
        assert (TODAY - issued).days > 90
    elif risk == "ID_MISMATCH":
        assert docs["marital_status_certificate"]["id_number"] != docs["id_card"]["id_number"]
    elif risk == "AMOUNT_EXCEEDS_LIMIT":
        assert float(plan.key.fields["amount"]) > RENT_CAP
    elif risk == "MARITAL_STATUS_REVERSED":
        assert docs["marital_status_certificate"]["marital_status"] == "未婚"
        assert "已婚" in plan.brief
    elif risk == "DOCUMENT_MISSING":
        assert "rental_contract" not in docs


def test_generated_drills_cycle_through_no_risk_single_risks_and_pairs() -> None:
    assert risk_mix(0) == ()
    assert [risk_mix(i) for i in range(1, 6)] == [(r,) for r in RISKS]
    assert len(risk_mix(6)) == 2
    with pytest.raises(ValueError, match="unknown"):
        rent_drill(random.Random(1), ("NOPE",), TODAY)
