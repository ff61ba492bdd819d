"""Who may call which operation: the one declared policy (role × operation).

Every root query and mutation must appear here; the schema test fails otherwise, and an
operation missing at run time is refused. Ownership (own cases, a team, a unit) is checked
by the domain services, which know the data.
"""

from __future__ import annotations

from typing import Final

from backend.accounts.roles import Role

PUBLIC: Final = "public"
SIGNED_IN: Final = frozenset(Role)
STAFF: Final = frozenset({Role.FIELD_STAFF, Role.SUPERVISOR, Role.ADMIN})
REVIEWERS: Final = frozenset({Role.SUPERVISOR, Role.ADMIN})
ADMINS: Final = frozenset({Role.ADMIN})

Access = frozenset[Role] | str

OPERATION_ACCESS: dict[str, Access] = {
    # accounts
    "login": PUBLIC,
    "refreshSession": PUBLIC,
    "me": SIGNED_IN,
    "logout": SIGNED_IN,
    # notifications (each caller sees and changes only their own inbox and subscriptions)
    "vapidPublicKey": PUBLIC,
    "inbox": SIGNED_IN,
    "inboxUnreadCount": SIGNED_IN,
    "markInboxRead": SIGNED_IN,
    "registerPushSubscription": SIGNED_IN,
    "unregisterPushSubscription": SIGNED_IN,
    # lost devices and leavers (supervisors: their own team's field staff; admins: anyone)
    "devices": SIGNED_IN,  # own devices; supervisors their team's, admins all (accounts.devices)
    "revokeDevice": REVIEWERS,
    "disableUser": REVIEWERS,
    # knowledge base (editing: administrators only)
    "knowledgeSearch": SIGNED_IN,
    "article": SIGNED_IN,
    "knowledgeArticles": SIGNED_IN,
    "createArticle": ADMINS,
    "updateArticle": ADMINS,
    "publishArticle": ADMINS,
    # verification policy (every signed-in user reads it; only admins add values)
    "policy": SIGNED_IN,
    "policyHistory": SIGNED_IN,
    "setPolicyValue": ADMINS,
    # sync (ownership of cases is checked per mutation by the cases domain)
    "push": SIGNED_IN,
    "pull": SIGNED_IN,
    # why pushed work was refused: one's own devices; supervisors their team's, admins all
    # (sync.rejections)
    "syncRejections": SIGNED_IN,
    # cases
    "case": SIGNED_IN,
    "cases": SIGNED_IN,
    "reviewCase": REVIEWERS,
    "assignCase": REVIEWERS,
    "staffMetrics": REVIEWERS,
    # employer links (the QR code staff show on site; backend.claims.links): a signed-in
    # employer claims the case for their unit; without an account the link plus the
    # one-time code give a session limited to that case (single use, throttled, expiring)
    "claimEmployerLink": frozenset({Role.EMPLOYER}),
    "redeemEmployerCode": PUBLIC,
    # corrections of values read from documents (the dashboard's accuracy figure)
    "correctionRates": REVIEWERS,
}


# Sync mutators (pushed through ``push``): role × mutator, same rules. Which cases a role may
# touch is the cases domain's ownership rule (``backend.cases.policy``): field staff their own
# and assigned cases, a supervisor their team's, an employer their unit's registrations.
MUTATOR_ACCESS: dict[str, Access] = {
    "createCase": SIGNED_IN,  # employers: unit_registration only (cases.policy.may_create)
    "updateCase": SIGNED_IN,
    "attachDocument": SIGNED_IN,
    "submitCase": SIGNED_IN,
    "offerEmployerLink": STAFF,  # the case's own staff (cases.policy.may_edit)
}


def mutator_allowed(name: str, role: Role) -> bool:
    access = MUTATOR_ACCESS.get(name)
    return access == PUBLIC or (isinstance(access, frozenset) and role in access)


def allowed(operation: str, role: Role | None) -> bool:
    access = OPERATION_ACCESS.get(operation)
    if access is None:
        return False
    if access == PUBLIC:
        return True
    return role is not None and isinstance(access, frozenset) and role in access
