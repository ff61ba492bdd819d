"""One entry point for every check and risk rule on a case (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from backend.verification import (
    completeness,
    consistency,
    history_rules,
    images,
    limits,
    marital_rules,
    property_rules,
)
from backend.verification.models import CaseSnapshot, EarlierCase, Flag, PersonHistory
from backend.verification.policy import Policy


def evaluate(
    case: CaseSnapshot,
    history: PersonHistory,
    others: Sequence[EarlierCase],
    policy: Policy,
) -> list[Flag]:
    """Every flag on the case; nothing is decided here, a person weighs them.

    ``history``: the same person's other cases (by ID number). ``others``: other people's
    cases sharing a property address or a near photo hash (the loader's candidates).
    """
    candidates = [*history.cases, *others]
    return [
        *completeness.missing_documents(case, policy),
        *completeness.missing_fields(case, policy),
        *consistency.checksum_flags(case),
        *consistency.applicant_mismatches(case),
        *consistency.borrower_mismatches(case),
        *consistency.unit_mismatches(case),
        *marital_rules.marital_status_reversed(case, history),
        *marital_rules.marital_status_changed_recently(case, history, policy),
        *history_rules.certificates_expired(case, policy),
        *property_rules.property_found(case, policy),
        *property_rules.property_reused(case, candidates, policy),
        *history_rules.withdrawal_too_soon(case, history, policy),
        *images.image_reused(case, candidates),
        *limits.amount_exceeds_limit(case, policy),
        *limits.deposit_ratio_out_of_range(case, policy),
    ]
