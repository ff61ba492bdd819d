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
    "ocrQueue": SIGNED_IN,  # whoever may see the case (the service checks, as for case)
    "cases": SIGNED_IN,
    "reviewCase": REVIEWERS,
    "assignCase": REVIEWERS,
    "staffMetrics": REVIEWERS,
    # employer links (the QR code staff show on site; backend.claims.links): a signed-in
    # employer claims the case for their unit; without an account the link plus the
    # one-time code give a session limited to that case (single use, throttled, expiring)
    "claimEmployerLink": frozenset({Role.EMPLOYER}),
    "redeemEmployerCode": PUBLIC,
    # consultation (网上咨询): members ask and read their answer by an unguessable ticket,
    # rate-limited per address and phone (backend.consultation.limits); staff answer and log
    "askQuestion": PUBLIC,
    "consultationSuggestions": PUBLIC,
    "consultation": PUBLIC,
    "rateConsultation": PUBLIC,
    "subscribeConsultationPush": PUBLIC,
    "consultations": STAFF,
    "claimConsultation": STAFF,
    "answerConsultation": STAFF,
    "logConsultation": STAFF,
    "rateVisit": STAFF,
    "answerConsistency": REVIEWERS,
    "knowledgeGaps": REVIEWERS,
    # feedback (反馈): anyone files (signed in: under their account); a department's members
    # see and answer its queue, supervisors and admins every queue; others list what they
    # filed (consultation.feedback_service)
    "submitFeedback": PUBLIC,
    "feedbackByTicket": PUBLIC,
    "feedback": SIGNED_IN,
    "respondFeedback": STAFF,  # members of the owning department, supervisors, admins
    # who answers (consultation.departments, consultation.duty_service): admins set the
    # departments' members; supervisors and admins the 在线客服 roster
    "departments": STAFF,
    "setDepartmentMembers": ADMINS,
    "onlineDuty": STAFF,
    "dutyRoster": STAFF,
    "addDutyShift": REVIEWERS,
    "removeDutyShift": REVIEWERS,
    "assignableStaff": REVIEWERS,
    "feedbackRouting": SIGNED_IN,
    "feedbackRoutingHistory": REVIEWERS,
    "setFeedbackRouting": ADMINS,
    "feedbackReport": REVIEWERS,
    # shared-data verification (backend.registry): which role may query which source is a
    # setting per source (DOORSTEP_REGISTRY_ROLES_*), and only for one's own or team's cases
    "querySharedData": STAFF,
    "sharedDataQueries": STAFF,  # a case's queries: whoever may see the case
    "registryHealth": ADMINS,
    # training (模拟演练, 政策必知): staff work drills and acknowledge; supervisors make drills,
    # flag must-know versions and see their team's (backend.training)
    "drills": STAFF,
    "startDrill": STAFF,
    "finishDrill": STAFF,
    "trainingRecord": STAFF,
    "drillAnalysis": STAFF,
    "policyChecks": STAFF,
    "acknowledgeArticle": STAFF,
    "policyCheckStatus": REVIEWERS,
    "requirePolicyCheck": REVIEWERS,
    "promoteCaseToDrill": REVIEWERS,
    "createDrill": REVIEWERS,
    # monthly assessment (考核): staff their own row, supervisors their team, admins all and
    # the scheme (backend.assessment.monthly)
    "assessment": STAFF,
    "assessmentSchemes": STAFF,
    "manualScores": STAFF,
    "managementUnits": REVIEWERS,
    "setAssessmentScheme": ADMINS,
    "scoreStaff": REVIEWERS,
    "createManagementUnit": ADMINS,
    "setStaffEmployment": ADMINS,
    "assessmentCases": STAFF,
    "returnPeaks": REVIEWERS,
    # visits (预约上门): the public asks (rate-limited per address and phone) and follows its
    # ticket; staff enter requests for callers; supervisors dispatch; each worker sees their
    # own visits (backend.visits.policy)
    "requestVisit": PUBLIC,
    "visitTicket": PUBLIC,
    "enterVisitRequest": STAFF,
    "visits": STAFF,
    "scheduleVisit": REVIEWERS,
    "visitAssigneeSuggestions": REVIEWERS,
    "visitStaff": REVIEWERS,
    "visitMetrics": REVIEWERS,
    "setStaffAreas": REVIEWERS,
    # handover (业务衔接) and company outreach (走进企业宣传)
    "handOver": REVIEWERS,
    "handovers": SIGNED_IN,  # one's own; supervisors and admins anyone's (visits.handover)
    "markHandoverDeviceExported": REVIEWERS,
    "revokeHandedOverDevices": REVIEWERS,
    "importOutreachCompanies": REVIEWERS,
    "planCompanyVisit": REVIEWERS,
    "outreachSummary": REVIEWERS,
    "outreachCompanies": REVIEWERS,
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
    "submitFeedback": SIGNED_IN,  # feedback recorded during a visit (backend.consultation)
    "logConsultation": STAFF,  # a question answered during a visit, logged offline
    "answerDrill": STAFF,  # one's own open drill attempt (backend.training.service)
    "recordVisitOutcome": STAFF,  # the visit's worker, their supervisor (visits.policy)
    "startCaseFromVisit": STAFF,
    "confirmHandoverSync": SIGNED_IN,  # the leaving person's own device (visits.handover)
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
