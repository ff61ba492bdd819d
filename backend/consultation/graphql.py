"""GraphQL types and resolvers of consultation (parse, authorise, call one service, shape).

Public fields (no account): ``askQuestion``, ``consultationSuggestions``, ``consultation``
(by ticket), ``rateConsultation``, ``subscribeConsultationPush``. Staff lists show ID and
phone numbers masked and contacts masked.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated
from uuid import UUID

import strawberry

from backend.accounts.context import Info
from backend.cases.graphql import PageInfo
from backend.consultation import insights, satisfaction, service
from backend.consultation.models import ConsultationRecord, Page
from backend.consultation.similarity import Group
from backend.consultation.text_rules import mask_contact, mask_personal
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge.graphql import KnowledgeHitType
from backend.notifications.cursor import encode_cursor


def parse_id(value: strawberry.ID | None, field: str = "id") -> UUID | None:
    if value is None:
        return None
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(ErrorCode.NOT_FOUND, field=field) from None


def require_id(value: strawberry.ID, field: str = "id") -> UUID:
    parsed = parse_id(value, field)
    assert parsed is not None
    return parsed


@strawberry.type(
    name="ConsultationAnswer", description="答复：引用的知识库文章版本及原文段落，或客服自拟"
)
class AnswerType:
    text: str
    article_id: strawberry.ID | None
    version: int | None
    article_title: str | None
    passage: str | None = strawberry.field(description="引用版本中的相关段落（纯文本）")
    answered_at: datetime | None

    @classmethod
    def of(cls, record: ConsultationRecord) -> AnswerType | None:
        if record.answered_at is None:
            return None
        cited = record.citation
        return cls(
            text=record.answer,
            article_id=strawberry.ID(str(cited.article_id)) if cited else None,
            version=cited.version if cited else None,
            article_title=cited.title if cited else None,
            passage=cited.passage if cited else None,
            answered_at=record.answered_at,
        )


@strawberry.type(name="PublicConsultation", description="凭咨询凭证查看的本人问题与答复")
class PublicConsultationType:
    status: str = strawberry.field(description="open | in_progress | answered")
    question: str
    created_at: datetime
    answer: AnswerType | None


@strawberry.type(name="AskResult", description="提交问题的结果：咨询凭证（请保存链接）与相关文章")
class AskResultType:
    id: strawberry.ID
    ticket: str = strawberry.field(description="凭证，仅本次返回；凭它查看答复")
    suggestions: list[KnowledgeHitType]


@strawberry.type(name="Consultation", description="咨询（员工视图：证件号、电话已打码）")
class ConsultationType:
    id: strawberry.ID
    text: str
    status: str = strawberry.field(description="open | in_progress | answered")
    channel: str = strawberry.field(description="online | hotline | window | visit")
    created_at: datetime
    waiting_seconds: int = strawberry.field(description="已等待秒数（已答复：等待到答复的秒数）")
    contact: str = strawberry.field(description="联系方式（打码）")
    assignee_id: strawberry.ID | None
    knowledge_gap: bool = strawberry.field(description="未引用知识库文章答复：知识库待补充")
    answer: AnswerType | None

    @classmethod
    def of(cls, record: ConsultationRecord) -> ConsultationType:
        until = record.answered_at or datetime.now(UTC)
        return cls(
            id=strawberry.ID(str(record.id)),
            text=mask_personal(record.question),
            status=str(record.status),
            channel=str(record.channel),
            created_at=record.created_at,
            waiting_seconds=max(0, int((until - record.created_at).total_seconds())),
            contact=mask_contact(record.contact),
            assignee_id=strawberry.ID(str(record.assignee_id)) if record.assignee_id else None,
            knowledge_gap=record.knowledge_gap,
            answer=AnswerType.of(record),
        )


@strawberry.type
class ConsultationEdge:
    cursor: str
    node: ConsultationType


@strawberry.type
class ConsultationConnection:
    edges: list[ConsultationEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: Page[ConsultationRecord]) -> ConsultationConnection:
        return cls(
            edges=[
                ConsultationEdge(
                    cursor=encode_cursor(r.created_at, r.id), node=ConsultationType.of(r)
                )
                for r in page.items
            ],
            page_info=PageInfo(end_cursor=page.end_cursor, has_next_page=page.has_next_page),
        )


@strawberry.type(name="ArticleUse", description="一组相似问题中引用某文章版本的次数")
class ArticleUseType:
    article_id: strawberry.ID | None = strawberry.field(description="null：未引用文章")
    version: int | None
    count: int
    outdated: bool = strawberry.field(description="引用的版本早于现行版本")


@strawberry.type(name="ConsistencyGroup", description="各渠道的相似问题及其答复依据（答复不一致）")
class ConsistencyGroupType:
    question: str
    channels: list[str]
    articles: list[ArticleUseType]
    count: int
    reasons: list[str] = strawberry.field(
        description="different_articles | outdated_version | without_article"
    )

    @classmethod
    def of(cls, group: Group) -> ConsistencyGroupType:
        return cls(
            question=mask_personal(group.question),
            channels=group.channels,
            articles=[
                ArticleUseType(
                    article_id=strawberry.ID(str(u.article_id)) if u.article_id else None,
                    version=u.version,
                    count=u.count,
                    outdated=u.outdated,
                )
                for u in group.articles
            ],
            count=group.count,
            reasons=group.reasons,
        )


@strawberry.type
class ConsultationQuery:
    @strawberry.field(description="公开：输入问题时的知识库建议（现行版本）")
    async def consultation_suggestions(self, info: Info, text: str) -> list[KnowledgeHitType]:
        hits = await service.suggestions(text, info.context.address)
        return [KnowledgeHitType.of(hit) for hit in hits]

    @strawberry.field(description="公开：凭咨询凭证查看本人问题和答复")
    async def consultation(self, info: Info, ticket: str) -> PublicConsultationType:
        record = await service.by_ticket(ticket, info.context.address)
        return PublicConsultationType(
            status=str(record.status),
            question=record.question,
            created_at=record.created_at,
            answer=AnswerType.of(record),
        )

    @strawberry.field(description="在线客服队列：status 默认 waiting（待答复，等待最久的在前）")
    async def consultations(
        self,
        info: Info,
        status: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ConsultationConnection:
        user = info.context.require_user()
        return ConsultationConnection.of(await service.queue(user, status, first, after))

    @strawberry.field(description="答复一致性：相似问题在各渠道引用了不同文章或过期版本")
    async def answer_consistency(
        self, info: Info, from_: Annotated[date, strawberry.argument(name="from")], to: date
    ) -> list[ConsistencyGroupType]:
        info.context.require_user()
        groups = await insights.answer_consistency(from_, to)
        return [ConsistencyGroupType.of(group) for group in groups]

    @strawberry.field(description="知识库缺口：该周（周一至周日）未引用文章答复的问题")
    async def knowledge_gaps(self, info: Info, week: date) -> list[ConsultationType]:
        info.context.require_user()
        return [ConsultationType.of(r) for r in await insights.knowledge_gaps(week)]


@strawberry.type
class ConsultationMutation:
    @strawberry.mutation(description="公开：提交问题（按地址和电话限流），返回咨询凭证")
    async def ask_question(
        self, info: Info, text: str, contact: str | None = None
    ) -> AskResultType:
        context = info.context
        asked, hits = await service.ask(text, contact, context.address, context.settings)
        return AskResultType(
            id=strawberry.ID(str(asked.record.id)),
            ticket=asked.ticket,
            suggestions=[KnowledgeHitType.of(hit) for hit in hits],
        )

    @strawberry.mutation(description="在线客服接单")
    async def claim_consultation(self, info: Info, id: strawberry.ID) -> ConsultationType:
        user = info.context.require_user()
        return ConsultationType.of(await service.claim(user, require_id(id)))

    @strawberry.mutation(description="答复咨询：引用文章版本，或自拟（标记为知识库缺口）")
    async def answer_consultation(
        self,
        info: Info,
        id: strawberry.ID,
        text: str,
        article_id: strawberry.ID | None = None,
        version: int | None = None,
    ) -> ConsultationType:
        user = info.context.require_user()
        record = await service.answer(
            user, require_id(id), text, parse_id(article_id, "articleId"), version
        )
        return ConsultationType.of(record)

    @strawberry.mutation(description="登记热线、窗口或上门咨询及所依据的文章版本")
    async def log_consultation(
        self,
        info: Info,
        channel: str,
        question: str,
        article_id: strawberry.ID | None = None,
        version: int | None = None,
        answer: str | None = None,
    ) -> ConsultationType:
        user = info.context.require_user()
        record = await service.log(
            user, channel, question, parse_id(article_id, "articleId"), version, answer
        )
        return ConsultationType.of(record)

    @strawberry.mutation(description="公开：对已答复的咨询评分（1–5 分，一次）")
    async def rate_consultation(
        self, info: Info, ticket: str, rating: int, comment: str | None = None
    ) -> bool:
        await satisfaction.rate_consultation(ticket, rating, comment, info.context.address)
        return True

    @strawberry.mutation(description="上门服务后群众在平板上评分（1–5 分，每次上门一次）")
    async def rate_visit(
        self, info: Info, visit_id: strawberry.ID, rating: int, comment: str | None = None
    ) -> bool:
        user = info.context.require_user()
        await satisfaction.rate_visit(user, require_id(visit_id, "visitId"), rating, comment)
        return True

    @strawberry.mutation(description="公开：答复后推送通知（浏览器允许时）")
    async def subscribe_consultation_push(
        self, info: Info, ticket: str, endpoint: str, p256dh: str, auth: str
    ) -> bool:
        context = info.context
        await service.subscribe_push(
            ticket, endpoint, p256dh, auth, context.address, context.settings
        )
        return True
