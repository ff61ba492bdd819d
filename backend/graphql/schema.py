"""The GraphQL schema, composed from each domain's Query and Mutation types."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from backend.accounts.graphql import AccountsMutation, AccountsQuery
from backend.assessment.graphql import MetricsQuery
from backend.assessment.monthly_graphql import (
    AssessmentMutation,
    AssessmentQuery,
    DrillDownQuery,
)
from backend.cases.graphql import CasesMutation, CasesQuery
from backend.claims.graphql import EmployerLinkMutation
from backend.consultation.feedback_graphql import FeedbackMutation, FeedbackQuery
from backend.consultation.graphql import ConsultationMutation, ConsultationQuery
from backend.consultation.staffing_graphql import StaffingMutation, StaffingQuery
from backend.corrections.graphql import CorrectionsQuery
from backend.documents.graphql import DocumentsQuery
from backend.graphql.execution import PlainListExecutionContext
from backend.graphql.extensions import (
    CachedDocuments,
    CodedErrors,
    EnforceAccessPolicy,
    KnownDocuments,
)
from backend.knowledge.graphql import KnowledgeMutation, KnowledgeQuery
from backend.notifications.graphql import NotificationsMutation, NotificationsQuery
from backend.registry.graphql import RegistryMutation, RegistryQuery
from backend.settings import get_settings
from backend.training.graphql import TrainingMutation, TrainingQuery
from backend.verification.graphql import VerificationMutation, VerificationQuery
from backend.visits.graphql import VisitsMutation, VisitsQuery
from backend.visits.handover_graphql import HandoverMutation, HandoverQuery
from sync.graphql import SyncMutation, SyncQuery
from sync.rejections_graphql import SyncRejectionsQuery

Query = merge_types(
    "Query",
    (
        AccountsQuery,
        SyncQuery,
        SyncRejectionsQuery,
        CasesQuery,
        DocumentsQuery,
        MetricsQuery,
        KnowledgeQuery,
        NotificationsQuery,
        VerificationQuery,
        ConsultationQuery,
        FeedbackQuery,
        StaffingQuery,
        RegistryQuery,
        TrainingQuery,
        AssessmentQuery,
        DrillDownQuery,
        VisitsQuery,
        HandoverQuery,
        CorrectionsQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountsMutation,
        SyncMutation,
        CasesMutation,
        EmployerLinkMutation,
        KnowledgeMutation,
        NotificationsMutation,
        VerificationMutation,
        ConsultationMutation,
        FeedbackMutation,
        StaffingMutation,
        RegistryMutation,
        TrainingMutation,
        AssessmentMutation,
        VisitsMutation,
        HandoverMutation,
    ),
)


class DoorstepSchema(strawberry.Schema):
    """Expected failures (a wrong password, a forbidden case) are answers, not incidents:
    :class:`CodedErrors` logs only unexpected exceptions, so strawberry's own error log,
    which prints a traceback for every error, stays quiet.

    ``known_documents`` is the schema's parse and validation cache (:class:`CachedDocuments`),
    shared with the public edge guard."""

    known_documents: KnownDocuments

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema() -> DoorstepSchema:
    settings = get_settings()
    known = KnownDocuments()
    built = DoorstepSchema(
        query=Query,
        mutation=Mutation,
        extensions=[
            CodedErrors,
            lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
            lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            lambda: CachedDocuments(known),
            EnforceAccessPolicy,
        ],
        execution_context_class=PlainListExecutionContext,
    )
    built.known_documents = known
    return built


schema = build_schema()
