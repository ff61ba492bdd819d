"""Who may query which source for which case, and what a query needs (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.cases.policy import CaseParties
from backend.registry.sources import Source

MAX_PURPOSE = 200
MIN_PURPOSE = 2


@dataclass(frozen=True, slots=True)
class SignedDocument:
    sha256: str
    status: str  # the cases domain's document status


def refusal(
    user: UserRecord, source: Source, case: CaseParties, roles: frozenset[str]
) -> str | None:
    """Why ``user`` may not query ``source`` for this case (None: they may). Roles come from
    the settings per source; field staff only for their own cases, supervisors for their
    team's, admins (when a setting lets them) for any."""
    if str(user.role) not in roles or user.role == Role.EMPLOYER:
        return "role"
    if user.role == Role.FIELD_STAFF and user.id not in (case.creator, case.assignee):
        return "not_own_case"
    if user.role == Role.SUPERVISOR and (user.team_id is None or user.team_id != case.team_id):
        return "not_own_team"
    return None


def clean_purpose(purpose: str) -> str | None:
    text = " ".join(purpose.split())
    return text if MIN_PURPOSE <= len(text) <= MAX_PURPOSE else None


def credit_consent(fields: dict[str, object], documents: Iterable[SignedDocument]) -> str | None:
    """The member's signed authorisation: the signature captured on the tablet (case field
    ``signature``, the sha256 of the signature image) whose image has reached the centre
    attached to this case. Returns its sha256, or None when there is none."""
    signature = fields.get("signature")
    if not isinstance(signature, str) or len(signature) != 64:
        return None
    for document in documents:
        if document.sha256 == signature and document.status != "pending_upload":
            return signature
    return None
